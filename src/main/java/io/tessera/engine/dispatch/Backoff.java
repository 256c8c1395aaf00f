package io.tessera.engine.dispatch;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits between attempts to reach Redis: doubling from {@code baseMillis} up to {@code maxMillis}, each
 * wait a random point in the upper half, so a fleet of workers does not reconnect in lockstep.
 */
final class Backoff {
    private final long baseMillis;
    private final long maxMillis;
    private int failures;

    Backoff(long baseMillis, long maxMillis) {
        this.baseMillis = baseMillis;
        this.maxMillis = maxMillis;
    }

    /** Records a failure and returns how long to wait before the next try. */
    long nextDelayMillis() {
        long cap = Math.min(maxMillis, baseMillis << Math.min(failures, 20));
        failures++;
        return cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
    }

    void pause() throws InterruptedException {
        Thread.sleep(nextDelayMillis());
    }

    /** True when this success ended an outage. */
    boolean reset() {
        boolean wasFailing = failures > 0;
        failures = 0;
        return wasFailing;
    }
}
