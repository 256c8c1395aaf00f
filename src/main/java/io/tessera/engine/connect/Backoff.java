package io.tessera.engine.connect;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits between attempts to reach a server: doubling from {@code baseMillis} up to {@code maxMillis}, each
 * wait a random point in the upper half, so a fleet of workers or consoles does not reconnect in lockstep.
 * Dispatch, the event follower and the Redis monitor all reconnect with it.
 */
public final class Backoff {
    private final long baseMillis;
    private final long maxMillis;
    private int failures;

    public Backoff(long baseMillis, long maxMillis) {
        this.baseMillis = baseMillis;
        this.maxMillis = maxMillis;
    }

    /** The wait after {@code failures} earlier failures (0 for the first): for loops that count failures themselves. */
    public static long delayMillis(long baseMillis, long maxMillis, int failures) {
        long cap = Math.min(maxMillis, baseMillis << Math.min(failures, 20));
        return cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
    }

    /** Records a failure and returns how long to wait before the next try. */
    public long nextDelayMillis() {
        return delayMillis(baseMillis, maxMillis, failures++);
    }

    public void pause() throws InterruptedException {
        Thread.sleep(nextDelayMillis());
    }

    /** True when this success ended an outage. */
    public boolean reset() {
        boolean wasFailing = failures > 0;
        failures = 0;
        return wasFailing;
    }
}
