package io.tessera.console.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects values from any thread and hands them over in order, as one list, on the UI pulse: for feeds
 * where every event counts (a create and a delete of the same node), unlike the latest-per-key {@link Coalescer}.
 * {@link #everyFrame} hands them over on every frame instead, at most a given number per frame, for feeds whose
 * latency shows (the Live panel): a burst is spread over frames rather than making one frame long.
 */
public final class PulseBatch<T> {
    private final ArrayDeque<T> pending = new ArrayDeque<>();
    private final Consumer<List<T>> apply;
    private final int most;

    public PulseBatch(UiThread ui, Consumer<List<T>> apply) {
        this(apply, Integer.MAX_VALUE);
        ui.onPulse(this::drain);
    }

    private PulseBatch(Consumer<List<T>> apply, int most) {
        this.apply = apply;
        this.most = most;
    }

    /** Applied on every frame, oldest first, at most {@code perFrame} values per frame; the rest wait for the next frames. */
    public static <T> PulseBatch<T> everyFrame(UiThread ui, int perFrame, Consumer<List<T>> apply) {
        if (perFrame < 1) {
            throw new IllegalArgumentException("a frame applies at least 1 value, not " + perFrame);
        }
        PulseBatch<T> batch = new PulseBatch<>(apply, perFrame);
        ui.onFrame(batch::drain);
        return batch;
    }

    /** Called from any thread. */
    public void offer(T value) {
        synchronized (pending) {
            pending.add(value);
        }
    }

    /** Values offered and not applied yet. */
    public int waiting() {
        synchronized (pending) {
            return pending.size();
        }
    }

    private void drain() {
        List<T> batch;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            if (pending.size() <= most) {
                batch = new ArrayList<>(pending);
                pending.clear();
            } else {
                batch = new ArrayList<>(most);
                for (int i = 0; i < most; i++) {
                    batch.add(pending.poll());
                }
            }
        }
        apply.accept(batch);
    }
}
