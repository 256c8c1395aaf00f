package io.tessera.console.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Keeps only the latest value per key from any thread and applies them on the UI pulse, so a burst
 * of a thousand updates costs the UI thread one pass, not a thousand {@code runLater}s.
 */
public final class Coalescer<K, V> {
    private final Map<K, V> pending = new LinkedHashMap<>();
    private final BiConsumer<K, V> apply;

    public Coalescer(UiThread ui, BiConsumer<K, V> apply) {
        this.apply = apply;
        ui.onPulse(this::drain);
    }

    /** Called from any thread; replaces a value not yet applied. */
    public void offer(K key, V value) {
        synchronized (pending) {
            pending.remove(key);
            pending.put(key, value);
        }
    }

    private void drain() {
        Map<K, V> batch;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            batch = new LinkedHashMap<>(pending);
            pending.clear();
        }
        batch.forEach(apply);
    }
}
