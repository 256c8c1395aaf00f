package io.tessera.engine.live;

import java.util.Arrays;
import java.util.Locale;

/** Latency samples in nanoseconds, summarised as p50 / p99 / max in milliseconds. */
public final class Latencies {
    private long[] samples = new long[1 << 16];
    private int count;

    public void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    public int count() {
        return count;
    }

    /** The given percentile (0–100) in milliseconds; 0 without samples. */
    public double percentileMillis(double percentile) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(percentile / 100 * count) - 1));
        return sorted[index] / 1e6;
    }

    /** "p50 12.3 ms, p99 45.6 ms, max 78.9 ms". */
    public String summary() {
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms", percentileMillis(50), percentileMillis(99), percentileMillis(100));
    }
}
