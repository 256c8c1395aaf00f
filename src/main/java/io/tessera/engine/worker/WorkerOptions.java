package io.tessera.engine.worker;

import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.TaskHandler;
import io.tessera.engine.images.ImageLimits;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * How a worker runs: image threads, the dispatch keys and settings, per-image limits (the input size cap comes from
 * the profile: {@link #withMaxInputBytes}), how often it publishes its figures, what it does after a fatal error
 * ({@link FatalErrorPolicy}), and, for fault tests only, a wrapper around its task handler.
 */
public record WorkerOptions(int threads, DispatchKeys keys, DispatchSettings dispatch, ImageLimits limits,
                            Duration imageTimeLimit, Duration figuresEvery, FatalErrorPolicy onFatal,
                            UnaryOperator<TaskHandler> handlerHook) {
    /** Working copies per decoded pixel: the decoded image, an op's output, the encoder's buffer, 4 bytes each, with slack. */
    private static final long BYTES_PER_PIXEL_IN_FLIGHT = 4 * 4;

    public WorkerOptions {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be between 1 and 256, not " + threads);
        }
        onFatal = onFatal == null ? FatalErrorPolicy.STAY_STOPPED : onFatal;
        handlerHook = handlerHook == null ? UnaryOperator.identity() : handlerHook;
    }

    /** A worker that stays stopped after a fatal error and runs the plain pipeline handler. */
    public WorkerOptions(int threads, DispatchKeys keys, DispatchSettings dispatch, ImageLimits limits, Duration imageTimeLimit,
                         Duration figuresEvery) {
        this(threads, keys, dispatch, limits, imageTimeLimit, figuresEvery, null, null);
    }

    /** Defaults for this JVM: the pixel limit shrinks with the heap, so N threads at their limit still fit. */
    public static WorkerOptions defaults(int threads) {
        return new WorkerOptions(threads, DispatchKeys.DEFAULT, DispatchSettings.defaults().withHandlerThreads(threads),
                limitsFor(Runtime.getRuntime().maxMemory(), threads), Duration.ofSeconds(60), Duration.ofSeconds(2));
    }

    /**
     * Task handler threads (tasks run at once): twice the compute slots, so that when a task ends (its completion being
     * written) the next ones already have images in the {@link #imageLanes() lanes}; the images themselves run in lanes.
     */
    public int handlerThreads() {
        return 2 * threads;
    }

    /**
     * Images under way at once over all tasks ({@link ImageLanes}), each from its read to its written output: per compute
     * slot one computing and two reading or writing, so that the slots stay busy when an image's storage I/O takes up to
     * twice its computing (small outputs of small inputs), and the last task of a job runs on every slot.
     */
    public int imageLanes() {
        return 3 * threads;
    }

    /** Input bytes all image lanes hold at once: what {@code threads} lanes with an input at the size cap each would hold. */
    public long inputBudgetBytes() {
        return limits.maxFileBytes() * threads;
    }

    static ImageLimits limitsFor(long heapBytes, int threads) {
        long pixels = heapBytes / 2 / threads / BYTES_PER_PIXEL_IN_FLIGHT;
        return new ImageLimits(Math.max(1_000_000, Math.min(ImageLimits.DEFAULT.maxPixels(), pixels)), ImageLimits.DEFAULT.maxFileBytes());
    }

    public WorkerOptions withKeys(DispatchKeys other, DispatchSettings settings) {
        return new WorkerOptions(threads, other, settings.withHandlerThreads(threads), limits, imageTimeLimit, figuresEvery, onFatal, handlerHook);
    }

    public WorkerOptions withLimits(ImageLimits other, Duration timeLimit) {
        return new WorkerOptions(threads, keys, dispatch, other, timeLimit, figuresEvery, onFatal, handlerHook);
    }

    /** The profile's input size cap: a file larger than this fails its image before a byte of it is read. */
    public WorkerOptions withMaxInputBytes(long bytes) {
        return withLimits(new ImageLimits(limits.maxPixels(), bytes), imageTimeLimit);
    }

    public WorkerOptions withFatalErrorPolicy(FatalErrorPolicy policy) {
        return new WorkerOptions(threads, keys, dispatch, limits, imageTimeLimit, figuresEvery, policy, handlerHook);
    }

    /** For fault tests: {@code hook} wraps the worker's pipeline handler (e.g. to throw where a test wants an error). */
    public WorkerOptions withHandlerHook(UnaryOperator<TaskHandler> hook) {
        return new WorkerOptions(threads, keys, dispatch, limits, imageTimeLimit, figuresEvery, onFatal, hook);
    }
}
