package io.tessera.engine.thumbs;

import io.tessera.engine.Reasons;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.images.ThumbnailMaker;
import io.tessera.engine.store.HdfsBrowser;
import io.tessera.engine.store.HdfsEntry;
import io.tessera.engine.store.StoreException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Thumbnails for visible cells. A request is answered from memory at once (on the caller's thread), else
 * queued for a small pool of daemon workers that try the shared cache, then read and decode the file.
 * The queue ({@link RequestQueue}) serves the most urgent request first: the lowest priority number, then the newest,
 * which suits scrolling (the cells just scrolled into view go first). The grid numbers its cells by their place on
 * screen and moves a cell scrolled out of view behind all of them ({@link ThumbnailRequest#prioritise}); a cell reused
 * for another entry cancels its request. A key being made is made once: requests for it meanwhile wait for that
 * making. The queue is bounded: past its capacity the least urgent request is answered {@link ThumbnailResult.Dropped}.
 * Callbacks other than memory hits run on a worker thread.
 *
 * <p>Failures are cached only when they are the file's own ({@link ThumbnailFailures}: bad content), for a shorter time
 * than thumbnails; a read that failed (permissions, the store away) or a shortage of memory is answered and forgotten.
 */
public final class ThumbnailService implements AutoCloseable {
    /** The priority of a request nobody ranked: all such requests are served newest first. */
    public static final int NORMAL = 0;

    private final ThumbnailSource source;
    private final ThumbnailCache shared;
    private final MemoryThumbnailCache memory;
    private final BiFunction<byte[], Integer, ThumbnailMaker.Outcome> maker;
    private final ThumbnailSettings settings;
    private final RequestQueue queue = new RequestQueue();
    private final LongAdder made = new LongAdder();
    private final LongAdder sharedHits = new LongAdder();
    private final LongAdder memoryHits = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder dropped = new LongAdder();
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

    public ThumbnailRequest request(HdfsEntry entry, int box, Consumer<ThumbnailResult> callback) {
        return request(keyOf(entry, box), NORMAL, callback);
    }

    /** An entry's thumbnail key: a file changed since (time or length) has another. */
    public static ThumbnailKey keyOf(HdfsEntry entry, int box) {
        return new ThumbnailKey(entry.path(), box, entry.modified().toEpochMilli(), entry.size());
    }

    public ThumbnailRequest request(ThumbnailKey key, Consumer<ThumbnailResult> callback) {
        return request(key, NORMAL, callback);
    }

    /** @param priority lower is sooner; among equals the newest request goes first */
    public ThumbnailRequest request(ThumbnailKey key, int priority, Consumer<ThumbnailResult> callback) {
        if (closed) {
            throw new IllegalStateException("the thumbnail service is closed");
        }
        Optional<ThumbnailResult> cached = memory.get(key);
        if (cached.isPresent()) {
            memoryHits.increment();
            callback.accept(fromMemory(cached.get()));
            return ThumbnailRequest.ANSWERED;
        }
        RequestQueue.Request request = new RequestQueue.Request(key, priority, callback);
        for (RequestQueue.Request pushedOut : queue.add(request, settings.queueCapacity())) {
            if (pushedOut.claim()) {
                dropped.increment();
                pushedOut.callback.accept(new ThumbnailResult.Dropped());
            }
        }
        return new ThumbnailRequest() {
            @Override
            public void prioritise(int newPriority) {
                queue.prioritise(request, newPriority);
            }

            @Override
            public void cancel() {
                if (request.claim()) {
                    cancelled.increment();
                    queue.remove(request);
                }
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

    public ThumbnailStats stats() {
        return new ThumbnailStats(made.sum(), sharedHits.sum(), memoryHits.sum(), cancelled.sum(), dropped.sum());
    }

    private void work() {
        while (!closed) {
            RequestQueue.Request request;
            try {
                request = queue.take(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (request == null) {
                continue;
            }
            ThumbnailResult result;
            try {
                result = resolve(request.key);
            } finally {
                for (RequestQueue.Request waited : queue.finish(request.key)) {
                    answer(waited, resolveAgain(waited.key));
                }
            }
            answer(request, result);
        }
    }

    private static void answer(RequestQueue.Request request, ThumbnailResult result) {
        if (request.claim()) {
            request.callback.accept(result);
        }
    }

    /** For a request that waited while its key was made: from memory when that making was cached, else made again. */
    private ThumbnailResult resolveAgain(ThumbnailKey key) {
        return memory.get(key).map(ThumbnailService::fromMemory).orElseGet(() -> resolve(key));
    }

    private ThumbnailResult resolve(ThumbnailKey key) {
        Optional<ThumbnailResult> remembered = memory.get(key);
        if (remembered.isPresent()) {
            memoryHits.increment();
            return fromMemory(remembered.get());
        }
        Optional<ThumbnailResult> known = shared.get(key);
        if (known.isPresent()) {
            sharedHits.increment();
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
        made.increment();
        ThumbnailResult result;
        try {
            switch (maker.apply(bytes, key.box())) {
                case ThumbnailMaker.Outcome.Made m -> result = new ThumbnailResult.Ready(m.thumbnail(), ThumbnailResult.Origin.MADE);
                case ThumbnailMaker.Outcome.Rejected r when !r.lasting() -> {
                    return new ThumbnailResult.Failed(r.reason(), ThumbnailResult.Origin.MADE); // of the moment: never cached
                }
                case ThumbnailMaker.Outcome.Rejected r -> result = new ThumbnailResult.Failed(r.reason(), ThumbnailResult.Origin.MADE);
            }
        } catch (RuntimeException | Error e) {
            // not the file's fault as far as anyone can tell (and this thread must live on): answered, never cached
            return new ThumbnailResult.Failed(ThumbnailFailures.forNow(e), ThumbnailResult.Origin.MADE);
        }
        memory.put(key, result);
        shared.put(key, result);
        return result;
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
}
