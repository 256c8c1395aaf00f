package io.tessera.engine.monitor;

/**
 * Counts messages and their rate over a sliding window of 5 s, in 100 ms slots, so a burst shows within a tenth of a
 * second and fades after five. Until the window has been open 5 s the rate is over the time since the counter began.
 */
final class TrafficCounter {
    static final long SLOT_MILLIS = 100;
    static final int SLOTS = 50;

    private final long[] slotOf = new long[SLOTS];
    private final long[] counts = new long[SLOTS];
    private final long sinceMillis;
    private long total;

    TrafficCounter(long nowMillis) {
        this.sinceMillis = nowMillis;
        java.util.Arrays.fill(slotOf, -1);
    }

    synchronized void record(long nowMillis) {
        long slot = nowMillis / SLOT_MILLIS;
        int index = (int) (slot % SLOTS);
        if (slotOf[index] != slot) {
            slotOf[index] = slot;
            counts[index] = 0;
        }
        counts[index]++;
        total++;
    }

    synchronized long total() {
        return total;
    }

    /** Messages per second over the last 5 s (or since the counter began, when that is shorter). */
    synchronized double perSecond(long nowMillis) {
        long now = nowMillis / SLOT_MILLIS;
        long inWindow = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (slotOf[i] > now - SLOTS && slotOf[i] <= now) {
                inWindow += counts[i];
            }
        }
        long windowMillis = Math.min(SLOTS * SLOT_MILLIS, Math.max(SLOT_MILLIS, nowMillis - sinceMillis));
        return inWindow * 1000.0 / windowMillis;
    }
}
