package io.tessera.engine.worker;

import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.images.ImageLimits;
import java.time.Duration;

/**
 * How a worker runs: image threads, the dispatch keys and settings, per-image limits, and how often it
 * publishes its figures.
 */
public record WorkerOptions(int threads, DispatchKeys keys, DispatchSettings dispatch, ImageLimits limits,
                            Duration imageTimeLimit, Duration figuresEvery) {
    /** Working copies per decoded pixel: the decoded image, an op's output, the encoder's buffer, 4 bytes each, with slack. */
    private static final long BYTES_PER_PIXEL_IN_FLIGHT = 4 * 4;

    public WorkerOptions {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be between 1 and 256, not " + threads);
        }
    }

    /** Defaults for this JVM: the pixel limit shrinks with the heap, so N threads at their limit still fit. */
    public static WorkerOptions defaults(int threads) {
        return new WorkerOptions(threads, DispatchKeys.DEFAULT, DispatchSettings.defaults().withHandlerThreads(threads),
                limitsFor(Runtime.getRuntime().maxMemory(), threads), Duration.ofSeconds(60), Duration.ofSeconds(2));
    }

    static ImageLimits limitsFor(long heapBytes, int threads) {
        long pixels = heapBytes / 2 / threads / BYTES_PER_PIXEL_IN_FLIGHT;
        return new ImageLimits(Math.max(1_000_000, Math.min(ImageLimits.DEFAULT.maxPixels(), pixels)), ImageLimits.DEFAULT.maxFileBytes());
    }

    public WorkerOptions withKeys(DispatchKeys other, DispatchSettings settings) {
        return new WorkerOptions(threads, other, settings.withHandlerThreads(threads), limits, imageTimeLimit, figuresEvery);
    }

    public WorkerOptions withLimits(ImageLimits other, Duration timeLimit) {
        return new WorkerOptions(threads, keys, dispatch, other, timeLimit, figuresEvery);
    }
}
