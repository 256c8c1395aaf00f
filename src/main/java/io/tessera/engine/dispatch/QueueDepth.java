package io.tessera.engine.dispatch;

/**
 * How much work waits, across all jobs: the unacknowledged entries of each task stream (not delivered yet, or delivered
 * and not yet acknowledged, which {@code pending} counts; a stream may also still hold acknowledged entries, which are
 * not counted), failed tasks waiting for their retry, and dead letters.
 */
public record QueueDepth(long high, long normal, long pending, long retrying, long dead) {
    /** Tasks that still need a worker: in the streams (handed out or not) and waiting for their retry. */
    public long waiting() {
        return high + normal + retrying;
    }
}
