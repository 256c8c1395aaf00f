package io.tessera.engine.chaos;

import io.tessera.engine.ops.Pipeline;
import java.time.Duration;

/**
 * How a chaos run goes: a job with {@code pipeline} over the images, {@code workers} worker processes of
 * {@code threads} threads, one of them SIGKILLed every {@code killEvery} (and replaced) while the job runs,
 * their tasks taken over after {@code visibilityTimeout}; each job is given up after {@code timeout}. With
 * {@code baseline}, the same job runs first on the same workers without kills.
 */
public record ChaosOptions(Pipeline pipeline, int workers, int threads, Duration killEvery, Duration visibilityTimeout, Duration timeout,
                           long seed, boolean baseline) {
    public ChaosOptions {
        if (workers < 2 || workers > 16) {
            throw new IllegalArgumentException("--workers must be between 2 and 16 (one is killed at a time), not " + workers);
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("--threads must be between 1 and 64, not " + threads);
        }
        if (killEvery.toMillis() < 100) {
            throw new IllegalArgumentException("--kill-every must be at least 0.1 s, not " + killEvery.toMillis() / 1000.0 + " s");
        }
        if (visibilityTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("--visibility-timeout must be at least 1 s");
        }
        if (timeout.toSeconds() < 10) {
            throw new IllegalArgumentException("--timeout must be at least 10 s");
        }
    }
}
