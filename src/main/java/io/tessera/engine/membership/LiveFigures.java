package io.tessera.engine.membership;

import java.time.Instant;
import java.util.List;

/**
 * A worker's running figures, refreshed in its node now and then: what the health and shard views show per worker.
 * {@code jobs} are the jobs it worked on since its previous figures (empty from workers older than this field).
 */
public record LiveFigures(int busyThreads, long imagesDone, long imagesFailed, long bytesRead, double imagesPerSecond, Instant updated,
                          List<String> jobs) {

    public LiveFigures {
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
    }

    public LiveFigures(int busyThreads, long imagesDone, long imagesFailed, long bytesRead, double imagesPerSecond, Instant updated) {
        this(busyThreads, imagesDone, imagesFailed, bytesRead, imagesPerSecond, updated, List.of());
    }

    public static LiveFigures idle() {
        return new LiveFigures(0, 0, 0, 0, 0, Instant.now());
    }
}
