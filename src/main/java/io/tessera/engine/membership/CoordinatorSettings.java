package io.tessera.engine.membership;

import java.time.Duration;

/**
 * {@code maxAttempts}: a shard whose worker vanished this many times is FAILED instead of planned again
 * (an image that kills every worker that touches it must not take the cluster down one by one).
 * {@code sweepEvery}: how often the leader also looks for orphaned shards without an event, in case
 * one was missed while it was disconnected.
 */
public record CoordinatorSettings(int maxAttempts, Duration sweepEvery) {
    public static final CoordinatorSettings DEFAULT = new CoordinatorSettings(3, Duration.ofSeconds(30));

    public CoordinatorSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }
}
