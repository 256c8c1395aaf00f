package io.tessera.console.live;

import java.util.HashMap;
import java.util.Map;

/**
 * Sampled figures per key (the queue depth), about one sample a second. A sample holds until the next one, for at most
 * {@link #HOLD_MILLIS}: a second in which no sample happened to land (samples drift against the clock's seconds, and
 * the newest second has usually not been sampled yet when the chart is drawn) shows the last value, not 0. Before the
 * first sample, and after none for that long, there is no value (NaN): the chart draws no point rather than a false 0.
 */
final class GaugeSeries {
    static final long HOLD_MILLIS = 5_000;
    private static final int KEPT_SECONDS = ChartPoints.COUNT + (int) (HOLD_MILLIS / 1000) + 1;

    private final Map<String, SecondRing> rings = new HashMap<>();

    void set(String key, long millis, long value) {
        rings.computeIfAbsent(key, k -> new SecondRing(KEPT_SECONDS)).set(Math.floorDiv(millis, 1000), value, millis);
    }

    /** The value at each chart point ({@link ChartPoints}), oldest first; NaN where none is known. */
    double[] values(String key, long nowMillis) {
        SecondRing ring = rings.get(key);
        long[] ends = ChartPoints.ends(nowMillis);
        double[] values = new double[ends.length];
        for (int i = 0; i < ends.length; i++) {
            values[i] = ring == null ? Double.NaN : valueAt(ring, ends[i]);
        }
        return values;
    }

    /** The latest sample taken at or before {@code endMillis}, if it is at most {@link #HOLD_MILLIS} older. */
    private static double valueAt(SecondRing ring, long endMillis) {
        for (long second = Math.floorDiv(endMillis, 1000); second >= Math.floorDiv(endMillis - HOLD_MILLIS, 1000); second--) {
            if (ring.has(second) && ring.stampAt(second) <= endMillis) {
                return endMillis - ring.stampAt(second) <= HOLD_MILLIS ? ring.at(second) : Double.NaN;
            }
        }
        return Double.NaN;
    }

    void clear() {
        rings.clear();
    }
}
