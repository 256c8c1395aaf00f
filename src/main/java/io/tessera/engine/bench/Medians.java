package io.tessera.engine.bench;

import java.util.Collection;

/** The median of a benchmark's rounds: the middle value, or the mean of the two middle ones. */
public final class Medians {
    private Medians() {}

    /** NaN for no values. */
    public static double of(Collection<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
