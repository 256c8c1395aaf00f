package io.tessera.console.live;

/** Values per second for the last {@code size} seconds, each slot stamped with its second, so old slots read as empty without a sweep. */
final class SecondRing {
    private final long[] seconds;
    private final long[] values;
    private final long[] stamps;

    SecondRing(int size) {
        seconds = new long[size];
        values = new long[size];
        stamps = new long[size];
        java.util.Arrays.fill(seconds, Long.MIN_VALUE);
    }

    /** Adds {@code delta} to the second's value. */
    void add(long second, long delta) {
        values[slot(second)] = (has(second) ? values[slot(second)] : 0) + delta;
        seconds[slot(second)] = second;
    }

    /** Raises the second's value to at least {@code value}. */
    void raise(long second, long value) {
        if (!has(second) || values[slot(second)] < value) {
            set(second, value, 0);
        }
    }

    /** Sets the second's value, stamped with the epoch milliseconds it was taken at (the latest in a second wins). */
    void set(long second, long value, long stampMillis) {
        int i = slot(second);
        values[i] = value;
        stamps[i] = stampMillis;
        seconds[i] = second;
    }

    boolean has(long second) {
        return seconds[slot(second)] == second;
    }

    /** The second's value, 0 when nothing was added in it (or it is too old to be kept). */
    long at(long second) {
        return has(second) ? values[slot(second)] : 0;
    }

    long stampAt(long second) {
        return stamps[slot(second)];
    }

    private int slot(long second) {
        return (int) Math.floorMod(second, (long) seconds.length);
    }
}
