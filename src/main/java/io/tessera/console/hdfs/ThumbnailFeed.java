package io.tessera.console.hdfs;

import io.tessera.console.common.PulseBatch;
import io.tessera.console.common.UiThread;
import io.tessera.engine.store.HdfsEntry;
import io.tessera.engine.thumbs.Cancellable;
import io.tessera.engine.thumbs.ThumbnailResult;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Asks the engine's thumbnail service for visible cells and hands the answers to them on the UI pulse
 * (one batch per pulse, however many thumbnails arrived). A cancelled request is never delivered, even
 * when its answer is already waiting for the pulse.
 */
public final class ThumbnailFeed {
    private final Supplier<HdfsBackend> backend;
    private final PulseBatch<Delivery> deliveries;

    public ThumbnailFeed(Supplier<HdfsBackend> backend, UiThread ui) {
        this.backend = backend;
        this.deliveries = new PulseBatch<>(ui, batch -> batch.forEach(Delivery::deliver));
    }

    /** On the UI thread: requests a thumbnail fitting {@code box}; cancel when the cell shows something else. */
    public Cancellable request(HdfsEntry entry, int box, Consumer<ThumbnailResult> onResult) {
        HdfsBackend current = backend.get();
        if (current == null) {
            return Cancellable.DONE;
        }
        Delivery delivery = new Delivery(onResult);
        Thread caller = Thread.currentThread();
        Cancellable engine = current.thumbnails().request(entry, box, result -> {
            delivery.result = result;
            if (Thread.currentThread() == caller) {
                delivery.deliver(); // a memory hit, answered at once on the UI thread
            } else {
                deliveries.offer(delivery);
            }
        });
        return () -> {
            delivery.cancelled = true;
            engine.cancel();
        };
    }

    private static final class Delivery {
        private final Consumer<ThumbnailResult> onResult;
        private volatile ThumbnailResult result;
        private volatile boolean cancelled;

        Delivery(Consumer<ThumbnailResult> onResult) {
            this.onResult = onResult;
        }

        void deliver() {
            if (!cancelled) {
                onResult.accept(result);
            }
        }
    }
}
