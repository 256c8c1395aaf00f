package io.tessera.engine.thumbs;

import io.tessera.engine.images.ImageLimits;
import java.time.Duration;

/**
 * {@code workers}: thumbnails made at once; {@code queueCapacity}: pending requests kept before the oldest
 * is dropped; {@code memoryBytes}: the in-memory cache's budget; {@code sharedTtl}: how long Redis keeps a thumbnail;
 * {@code failureTtl}: how long it keeps a lasting failure (bad content; transient ones are never kept). Shorter, so a
 * decoder that learns to read a file gets its chance within a day.
 */
public record ThumbnailSettings(int workers, int queueCapacity, long memoryBytes, Duration sharedTtl, Duration failureTtl, ImageLimits limits) {
    public static final ThumbnailSettings DEFAULT = new ThumbnailSettings(Math.max(2, Runtime.getRuntime().availableProcessors() - 1), 256,
            64L * 1024 * 1024, Duration.ofDays(7), Duration.ofDays(1), ImageLimits.DEFAULT);

    public ThumbnailSettings withWorkers(int n) {
        return new ThumbnailSettings(n, queueCapacity, memoryBytes, sharedTtl, failureTtl, limits);
    }

    public ThumbnailSettings withMemoryBytes(long bytes) {
        return new ThumbnailSettings(workers, queueCapacity, bytes, sharedTtl, failureTtl, limits);
    }

    public ThumbnailSettings withQueueCapacity(int capacity) {
        return new ThumbnailSettings(workers, capacity, memoryBytes, sharedTtl, failureTtl, limits);
    }
}
