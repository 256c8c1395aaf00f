package io.tessera.console.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-second figures for the last {@link #WINDOW} seconds, per key (a job, a worker): counts added as events
 * arrive, or a gauge set once a second. A ring of buckets stamped with their second, so old buckets read as 0
 * without a sweep.
 */
final class LiveSeries {
    static final int WINDOW = 120;

    private final Map<String, Ring> rings = new HashMap<>();

    /** Counts one at {@code second} (epoch seconds); ignored when it is older than the window before {@code now}. */
    void count(String key, long second, long now) {
        if (key == null || second <= now - WINDOW) {
            return;
        }
        rings.computeIfAbsent(key, k -> new Ring()).add(Math.min(second, now), 1);
    }

    void set(String key, long second, long value) {
        Ring ring = rings.computeIfAbsent(key, k -> new Ring());
        ring.add(second, value - ring.at(second));
    }

    /** Values from {@code now - WINDOW + 1} to {@code now}, oldest first. */
    long[] values(String key, long now) {
        Ring ring = rings.get(key);
        long[] out = new long[WINDOW];
        if (ring != null) {
            for (int i = 0; i < WINDOW; i++) {
                out[i] = ring.at(now - WINDOW + 1 + i);
            }
        }
        return out;
    }

    /** The keys with anything in the window, busiest first, at most {@code limit}. */
    List<String> busiest(long now, int limit) {
        List<Map.Entry<String, Long>> totals = new ArrayList<>();
        for (Map.Entry<String, Ring> e : rings.entrySet()) {
            long total = 0;
            for (long v : values(e.getKey(), now)) {
                total += v;
            }
            if (total > 0) {
                totals.add(Map.entry(e.getKey(), total));
            }
        }
        totals.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        return totals.stream().limit(limit).map(Map.Entry::getKey).toList();
    }

    void clear() {
        rings.clear();
    }

    private static final class Ring {
        private final long[] seconds = new long[WINDOW];
        private final long[] values = new long[WINDOW];

        void add(long second, long delta) {
            int i = (int) Math.floorMod(second, (long) WINDOW);
            if (seconds[i] != second) {
                seconds[i] = second;
                values[i] = 0;
            }
            values[i] += delta;
        }

        long at(long second) {
            int i = (int) Math.floorMod(second, (long) WINDOW);
            return seconds[i] == second ? values[i] : 0;
        }
    }
}
