package io.tessera.console.live;

import io.tessera.console.common.PulseBatch;
import io.tessera.console.common.UiThread;
import io.tessera.engine.events.Event;
import io.tessera.engine.thumbs.Cancellable;
import io.tessera.engine.thumbs.ThumbnailKey;
import io.tessera.engine.thumbs.ThumbnailResult;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Thumbnails of outputs for visible feed cells only, answered on the UI pulse (one batch per pulse). An output
 * is written once per event, so the event's time stands in for the file's modification time in the cache key.
 */
public final class LiveThumbnails {
    private final Supplier<LiveBackend> backend;
    private final PulseBatch<Runnable> deliveries;

    LiveThumbnails(Supplier<LiveBackend> backend, UiThread ui) {
        this.backend = backend;
        this.deliveries = new PulseBatch<>(ui, batch -> batch.forEach(Runnable::run));
    }

    /** On the UI thread; cancel when the cell shows another row. A cancelled request is never answered. */
    public Cancellable request(Event event, int box, Consumer<ThumbnailResult> onResult) {
        LiveBackend current = backend.get();
        if (current == null || event.output() == null) {
            return Cancellable.DONE;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread caller = Thread.currentThread();
        Cancellable engine = current.thumbnails().request(new ThumbnailKey(event.output(), box, event.time(), 0), result -> {
            Runnable deliver = () -> {
                if (!cancelled.get()) {
                    onResult.accept(result);
                }
            };
            if (Thread.currentThread() == caller) {
                deliver.run(); // a memory hit, answered at once
            } else {
                deliveries.offer(deliver);
            }
        });
        return () -> {
            cancelled.set(true);
            engine.cancel();
        };
    }
}
