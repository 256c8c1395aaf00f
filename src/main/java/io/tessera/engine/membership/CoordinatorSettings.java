package io.tessera.engine.membership;

import java.time.Duration;

/**
 * {@code maxAttempts}: a shard whose worker vanished this many times is FAILED instead of planned again
 * (an image that kills every worker that touches it must not take the cluster down one by one).
 * {@code sweepEvery}: how often the leader also looks for orphaned shards without an event, in case
 * one was missed while it was disconnected, and compares the unfinished plans with the task queue.
 * {@code datasetEvery}: how often the leader asks the queue whether its data set changed (Redis restarted or
 * failed over: one small INFO call); when it did, it compares the plans with the queue at once.
 */
public record CoordinatorSettings(int maxAttempts, Duration sweepEvery, Duration datasetEvery) {
    private static final Duration DATASET_EVERY = Duration.ofSeconds(2);
    public static final CoordinatorSettings DEFAULT = new CoordinatorSettings(3, Duration.ofSeconds(30), DATASET_EVERY);

    public CoordinatorSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public CoordinatorSettings(int maxAttempts, Duration sweepEvery) {
        this(maxAttempts, sweepEvery, DATASET_EVERY);
    }
}
