package io.tessera.console.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects values from any thread and hands them over in order, as one list, on the UI pulse: for feeds
 * where every event counts (a create and a delete of the same node), unlike the latest-per-key {@link Coalescer}.
 */
public final class PulseBatch<T> {
    private final List<T> pending = new ArrayList<>();
    private final Consumer<List<T>> apply;

    public PulseBatch(UiThread ui, Consumer<List<T>> apply) {
        this.apply = apply;
        ui.onPulse(this::drain);
    }

    /** Called from any thread. */
    public void offer(T value) {
        synchronized (pending) {
            pending.add(value);
        }
    }

    private void drain() {
        List<T> batch;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            batch = new ArrayList<>(pending);
            pending.clear();
        }
        apply.accept(batch);
    }
}
