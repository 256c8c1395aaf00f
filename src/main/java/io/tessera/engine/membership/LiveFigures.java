package io.tessera.engine.membership;

import java.time.Instant;

/** A worker's running figures, refreshed in its node now and then: what the health and shard views show per worker. */
public record LiveFigures(int busyThreads, long imagesDone, long imagesFailed, long bytesRead, double imagesPerSecond, Instant updated) {
    public static LiveFigures idle() {
        return new LiveFigures(0, 0, 0, 0, 0, Instant.now());
    }
}
