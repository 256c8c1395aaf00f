package io.tessera.console.hdfs;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.PulseBatch;
import io.tessera.console.common.UiThread;
import io.tessera.engine.Reasons;
import io.tessera.engine.store.HdfsEntry;
import io.tessera.engine.thumbs.Cancellable;
import io.tessera.engine.thumbs.ThumbnailKey;
import io.tessera.engine.thumbs.ThumbnailRequest;
import io.tessera.engine.thumbs.ThumbnailResult;
import io.tessera.engine.thumbs.ThumbnailService;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.image.Image;

/**
 * Asks the engine's thumbnail service for the grid's cards and the preview, and hands the pictures to them on the UI
 * pulse (one batch per pulse, however many arrived), decoded off the UI thread. The cards on screen are made first, in
 * their order on screen: the grid reports its {@link #viewport} after each layout, and every waiting card's request is
 * ranked by it (a card scrolled out of view goes behind all the cards on screen, the nearer ones first); the preview
 * goes before any card. A cancelled request is never delivered, even when its picture is already waiting for the
 * pulse; a request the engine dropped (its queue was full) is asked again while its card waits. Pictures already
 * decoded are kept ({@link ShownImages}), so a card scrolled back shows its picture at once.
 */
public final class ThumbnailFeed {
    /** The preview's picture was asked for by a click: before any card. */
    static final int PREVIEW = -1;
    /** Cards outside the viewport rank from here on, after every card on screen. */
    static final int OFF_SCREEN = 100_000;
    private static final long SHOWN_BYTES = 48L * 1024 * 1024;

    private final Supplier<HdfsBackend> backend;
    private final BackgroundTasks tasks;
    private final PulseBatch<Delivery> deliveries;
    private final ShownImages shown = new ShownImages(SHOWN_BYTES);
    /** Requests not answered yet, in the order asked (UI thread only). */
    private final Set<Delivery> waiting = new LinkedHashSet<>();
    private int first;
    private int last = -1;

    public ThumbnailFeed(Supplier<HdfsBackend> backend, BackgroundTasks tasks, UiThread ui) {
        this.backend = backend;
        this.tasks = tasks;
        this.deliveries = new PulseBatch<>(ui, batch -> batch.forEach(this::deliver));
    }

    /** On the UI thread: a card's thumbnail; {@code index} is the entry's place in the grid. Cancel when the card shows something else. */
    public Cancellable request(HdfsEntry entry, int box, int index, Consumer<Picture> onPicture) {
        return ask(entry, box, index, onPicture);
    }

    /** On the UI thread: the preview's picture, made before any card's. */
    public Cancellable preview(HdfsEntry entry, int box, Consumer<Picture> onPicture) {
        return ask(entry, box, -1, onPicture);
    }

    /**
     * On the UI thread, after a layout: the grid shows the cards {@code from}..{@code to} (inclusive; {@code to < from}
     * when it shows none). Waiting cards are ranked again.
     */
    public void viewport(int from, int to) {
        if (from == first && to == last) {
            return;
        }
        first = from;
        last = to;
        for (Delivery d : waiting) {
            if (d.index >= 0 && d.engine != null) {
                d.engine.prioritise(priorityOf(d.index));
            }
        }
    }

    /** Cards on screen by their place on screen; others after them all, the nearer first; before any viewport, grid order. */
    int priorityOf(int index) {
        if (index < 0) {
            return PREVIEW;
        }
        if (last < first) {
            return index;
        }
        if (index < first) {
            return OFF_SCREEN + first - index;
        }
        return index <= last ? index - first : OFF_SCREEN + index - last;
    }

    /** How many answers are still awaited (cards and preview). */
    int waiting() {
        return waiting.size();
    }

    /** The last viewport reported: first and last card on screen (last below first before any). */
    int[] viewport() {
        return new int[] {first, last};
    }

    private Cancellable ask(HdfsEntry entry, int box, int index, Consumer<Picture> onPicture) {
        HdfsBackend current = backend.get();
        if (current == null) {
            return Cancellable.DONE;
        }
        ThumbnailKey key = ThumbnailService.keyOf(entry, box);
        Image known = shown.get(key);
        if (known != null) {
            onPicture.accept(new Picture.Shown(known));
            return Cancellable.DONE;
        }
        Delivery delivery = new Delivery(current, key, index, onPicture);
        waiting.add(delivery);
        send(delivery);
        return () -> {
            delivery.cancelled = true;
            waiting.remove(delivery);
            delivery.engine.cancel();
        };
    }

    private void send(Delivery d) {
        Thread caller = Thread.currentThread();
        try {
            d.engine = d.backend.thumbnails().request(d.key, priorityOf(d.index), result -> answered(d, result, caller));
        } catch (IllegalStateException closed) {
            d.engine = ThumbnailRequest.ANSWERED; // the connection was replaced meanwhile: its new listing asks again
        }
    }

    private void answered(Delivery d, ThumbnailResult result, Thread caller) {
        if (result instanceof ThumbnailResult.Dropped) {
            d.dropped = true;
            deliveries.offer(d);
        } else if (Thread.currentThread() == caller && result instanceof ThumbnailResult.Failed failed) {
            d.picture = new Picture.Failed(failed.reason()); // a memory hit with nothing to decode: shown at once
            deliver(d);
        } else if (Thread.currentThread() == caller) {
            // a memory hit, answered at once on the UI thread: decode it elsewhere all the same
            tasks.runQuietly(() -> decode(result), picture -> {
                d.picture = picture;
                deliver(d);
            }, reason -> { });
        } else {
            d.picture = decode(result);
            deliveries.offer(d);
        }
    }

    private void deliver(Delivery d) {
        if (d.cancelled) {
            return;
        }
        if (d.dropped) {
            d.dropped = false;
            send(d);
            return;
        }
        waiting.remove(d);
        if (d.picture instanceof Picture.Shown s) {
            shown.put(d.key, s.image());
        }
        d.onPicture.accept(d.picture);
    }

    /** Off the UI thread: the engine's answer as something to show. */
    private static Picture decode(ThumbnailResult result) {
        return switch (result) {
            case ThumbnailResult.Ready ready -> {
                Image image = new Image(new ByteArrayInputStream(ready.thumbnail().data()));
                yield !image.isError() ? new Picture.Shown(image) : new Picture.Failed("cannot show the thumbnail: "
                        + (image.getException() == null ? "JavaFX cannot decode it" : Reasons.oneLine(image.getException())));
            }
            case ThumbnailResult.Failed failed -> new Picture.Failed(failed.reason());
            case ThumbnailResult.Dropped dropped -> throw new IllegalArgumentException("a dropped request is asked again, not shown");
        };
    }

    private static final class Delivery {
        private final HdfsBackend backend;
        private final ThumbnailKey key;
        private final int index;
        private final Consumer<Picture> onPicture;
        private ThumbnailRequest engine;
        private volatile Picture picture;
        private volatile boolean dropped;
        private volatile boolean cancelled;

        Delivery(HdfsBackend backend, ThumbnailKey key, int index, Consumer<Picture> onPicture) {
            this.backend = backend;
            this.key = key;
            this.index = index;
            this.onPicture = onPicture;
        }
    }
}
