package io.tessera.console.live;

/**
 * Where the Live charts' points sit in time: one a second for the last {@link #COUNT} seconds, each at the end of its
 * second, the newest at now (so the right end moves with the clock and never waits for a second to be over).
 */
final class ChartPoints {
    /** Points per line: the last two minutes. */
    static final int COUNT = 120;

    private ChartPoints() {}

    /** Epoch milliseconds of each point, oldest first. */
    static long[] ends(long nowMillis) {
        long[] ends = new long[COUNT];
        long second = Math.floorDiv(nowMillis, 1000);
        for (int i = 0; i < COUNT - 1; i++) {
            ends[i] = (second - (COUNT - 1 - i) + 1) * 1000;
        }
        ends[COUNT - 1] = nowMillis;
        return ends;
    }
}
