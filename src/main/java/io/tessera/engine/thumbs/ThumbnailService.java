package io.tessera.engine.thumbs;

import io.tessera.engine.Reasons;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.images.ThumbnailMaker;
import io.tessera.engine.store.HdfsBrowser;
import io.tessera.engine.store.HdfsEntry;
import io.tessera.engine.store.StoreException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Thumbnails for visible cells. A request is answered from memory at once (on the caller's thread), else
 * queued for a small pool of daemon workers that try the shared cache, then read and decode the file.
 * The queue is bounded and served newest first, which suits scrolling: the cells just scrolled into
 * view go first, and when it overflows the oldest request is answered {@link ThumbnailResult.Dropped}.
 * A cell that scrolls away cancels its request. Callbacks other than memory hits run on a worker thread.
 *
 * <p>Failures are cached only when they are the file's own ({@link ThumbnailFailures}: bad content), for a shorter time
 * than thumbnails; a read that failed (permissions, the store away) or a shortage of memory is answered and forgotten.
 */
public final class ThumbnailService implements AutoCloseable {
    private final ThumbnailSource source;
    private final ThumbnailCache shared;
    private final MemoryThumbnailCache memory;
    private final BiFunction<byte[], Integer, ThumbnailMaker.Outcome> maker;
    private final ThumbnailSettings settings;
    private final LinkedBlockingDeque<Request> queue = new LinkedBlockingDeque<>();
    private volatile boolean closed;

    public ThumbnailService(ThumbnailSource source, ThumbnailCache shared, ThumbnailSettings settings) {
        this(source, shared, settings, new ThumbnailMaker(settings.limits())::make);
    }

    /** @param maker image bytes and a box → a thumbnail or a rejection (a {@link ThumbnailMaker}; tests stand in for it) */
    ThumbnailService(ThumbnailSource source, ThumbnailCache shared, ThumbnailSettings settings, BiFunction<byte[], Integer, ThumbnailMaker.Outcome> maker) {
        this.source = source;
        this.shared = shared;
        this.settings = settings;
        this.memory = new MemoryThumbnailCache(settings.memoryBytes());
        this.maker = maker;
        for (int i = 0; i < settings.workers(); i++) {
            Thread.ofPlatform().daemon().name("thumbnail-" + i).start(this::work);
        }
    }

    /** Thumbnails of a profile's store, shared with other consoles through its Redis. */
    public static ThumbnailService forConnection(ClusterConnection connection, ThumbnailSettings settings) {
        HdfsBrowser browser = new HdfsBrowser(connection);
        return new ThumbnailService(storeSource(browser), new RedisThumbnailCache(connection.redis(), settings.sharedTtl(), settings.failureTtl()), settings);
    }

    /** Reads through the store's browser (also over the local disk, for a baseline). */
    public static ThumbnailSource storeSource(HdfsBrowser browser) {
        return browser::read;
    }

    public Cancellable request(HdfsEntry entry, int box, Consumer<ThumbnailResult> callback) {
        return request(keyOf(entry, box), callback);
    }

    /** An entry's thumbnail key: a file changed since (time or length) has another. */
    public static ThumbnailKey keyOf(HdfsEntry entry, int box) {
        return new ThumbnailKey(entry.path(), box, entry.modified().toEpochMilli(), entry.size());
    }

    public Cancellable request(ThumbnailKey key, Consumer<ThumbnailResult> callback) {
        if (closed) {
            throw new IllegalStateException("the thumbnail service is closed");
        }
        Optional<ThumbnailResult> cached = memory.get(key);
        if (cached.isPresent()) {
            callback.accept(fromMemory(cached.get()));
            return Cancellable.DONE;
        }
        Request request = new Request(key, callback);
        queue.addLast(request);
        while (queue.size() > settings.queueCapacity()) {
            Request oldest = queue.pollFirst();
            if (oldest != null && oldest.claim()) {
                oldest.callback.accept(new ThumbnailResult.Dropped());
            }
        }
        return () -> {
            if (request.claim()) {
                queue.remove(request);
            }
        };
    }

    /** Blocking form for batch work and benchmarks: waits for the result. */
    public ThumbnailResult get(ThumbnailKey key) {
        CompletableFuture<ThumbnailResult> result = new CompletableFuture<>();
        request(key, result::complete);
        return result.join();
    }

    public int pending() {
        return queue.size();
    }

    public MemoryThumbnailCache memoryCache() {
        return memory;
    }

    private void work() {
        while (!closed) {
            Request request;
            try {
                request = queue.pollLast(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (request == null || request.cancelled()) {
                continue;
            }
            ThumbnailResult result = resolve(request.key);
            if (request.claim()) {
                request.callback.accept(result);
            }
        }
    }

    private ThumbnailResult resolve(ThumbnailKey key) {
        Optional<ThumbnailResult> known = memory.get(key).map(ThumbnailService::fromMemory).or(() -> shared.get(key));
        if (known.isPresent()) {
            memory.put(key, known.get());
            return known.get();
        }
        byte[] bytes;
        try {
            bytes = source.read(key.path(), settings.limits().maxFileBytes());
        } catch (StoreException e) {
            return new ThumbnailResult.Failed(e.getMessage(), ThumbnailResult.Origin.MADE); // not cached: access may change
        } catch (Exception e) {
            return new ThumbnailResult.Failed("cannot read " + key.path() + ": " + Reasons.oneLine(e), ThumbnailResult.Origin.MADE);
        }
        ThumbnailResult made;
        try {
            switch (maker.apply(bytes, key.box())) {
                case ThumbnailMaker.Outcome.Made m -> made = new ThumbnailResult.Ready(m.thumbnail(), ThumbnailResult.Origin.MADE);
                case ThumbnailMaker.Outcome.Rejected r when !r.lasting() -> {
                    return new ThumbnailResult.Failed(r.reason(), ThumbnailResult.Origin.MADE); // of the moment: never cached
                }
                case ThumbnailMaker.Outcome.Rejected r -> made = new ThumbnailResult.Failed(r.reason(), ThumbnailResult.Origin.MADE);
            }
        } catch (RuntimeException | Error e) {
            // not the file's fault as far as anyone can tell (and this thread must live on): answered, never cached
            return new ThumbnailResult.Failed(ThumbnailFailures.forNow(e), ThumbnailResult.Origin.MADE);
        }
        memory.put(key, made);
        shared.put(key, made);
        return made;
    }

    private static ThumbnailResult fromMemory(ThumbnailResult result) {
        return switch (result) {
            case ThumbnailResult.Ready r -> new ThumbnailResult.Ready(r.thumbnail(), ThumbnailResult.Origin.MEMORY);
            case ThumbnailResult.Failed f -> new ThumbnailResult.Failed(f.reason(), ThumbnailResult.Origin.MEMORY);
            case ThumbnailResult.Dropped d -> d;
        };
    }

    /** Stops the workers; pending requests are not answered. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
    }

    /** One pending request; whoever claims it first (a worker delivering, or a cancel) wins. */
    private static final class Request {
        private final ThumbnailKey key;
        private final Consumer<ThumbnailResult> callback;
        private final java.util.concurrent.atomic.AtomicBoolean claimed = new java.util.concurrent.atomic.AtomicBoolean();

        Request(ThumbnailKey key, Consumer<ThumbnailResult> callback) {
            this.key = key;
            this.callback = callback;
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        boolean cancelled() {
            return claimed.get();
        }
    }
}
