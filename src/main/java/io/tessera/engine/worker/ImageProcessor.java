package io.tessera.engine.worker;

import io.tessera.engine.Reasons;
import io.tessera.engine.images.DecodeResult;
import io.tessera.engine.images.ExifReader;
import io.tessera.engine.images.ExifSummary;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.images.NativeDecoder;
import io.tessera.engine.images.NativeImage;
import io.tessera.engine.images.OpenCv;
import io.tessera.engine.images.ShrinkTarget;
import io.tessera.engine.ops.ImageFigures;
import io.tessera.engine.ops.Pipeline;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.bytedeco.javacpp.PointerScope;

/**
 * Image bytes through a pipeline to output bytes, with no storage involved, natively (OpenCV): the header check and
 * pixel limit before decoding (a JPEG decoded reduced when the first op shrinks it), the ops, the encoding, all
 * within a time limit. Bad content gives a reason, never an exception. Native memory is freed as each stage ends,
 * and a {@link PointerScope} per image frees whatever a failure left behind; nothing waits for the GC.
 *
 * <p>Each image runs on a virtual thread the caller waits for. Past the time limit the caller stops waiting
 * at once (its thread is free for the next image, the image fails with "took longer than N s") and the
 * computation is interrupted: it stops at the next stage boundary (after decoding, between two ops, before
 * encoding) instead of running the rest of the pipeline for nobody. A single op or decode does not poll
 * interrupts, so it runs out first; the pixel limit bounds what that costs. {@link #running()} counts the
 * computations in progress, those given up on included.
 */
public final class ImageProcessor implements AutoCloseable {
    private final NativeDecoder decoder;
    private final Duration timeLimit;
    private final StageTimes times;
    private static final int NEW = 0;
    private static final int STARTED = 1;
    private static final int ABANDONED = 2;

    private final AtomicInteger running = new AtomicInteger();
    private final Semaphore slots;
    /** Runs each image so that the caller can stop waiting. */
    private final ExecutorService runner = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("image-op-", 1).factory());

    public ImageProcessor(ImageLimits limits, Duration timeLimit) {
        this(limits, timeLimit, new StageTimes());
    }

    /** @param times where decode, ops and encode times are added up */
    public ImageProcessor(ImageLimits limits, Duration timeLimit, StageTimes times) {
        this(limits, timeLimit, times, Integer.MAX_VALUE);
    }

    /**
     * @param computeSlots images computed at once, however many callers there are: a worker runs more handler threads
     *                     than this so that some read and write while these compute; a caller waits for a slot
     *                     before its image's time limit starts
     */
    public ImageProcessor(ImageLimits limits, Duration timeLimit, StageTimes times, int computeSlots) {
        this.decoder = new NativeDecoder(limits);
        this.timeLimit = timeLimit;
        this.times = times;
        this.slots = new Semaphore(computeSlots, true);
    }

    public StageTimes times() {
        return times;
    }

    public sealed interface Result {
        record Processed(byte[] bytes, Map<String, Object> metrics) implements Result {}

        record Refused(String reason) implements Result {}
    }

    public ImageLimits limits() {
        return decoder.inspector().limits();
    }

    public Result process(byte[] input, Pipeline pipeline) throws InterruptedException {
        return process(Encoded.of(input), pipeline, () -> { });
    }

    /**
     * An input a worker read into native memory: the computation holds it while it runs, so that memory outlives a
     * handler that stopped waiting after the time limit; whoever lets go last frees it.
     */
    Result process(InputBytes input, Pipeline pipeline) throws InterruptedException {
        if (!input.hold()) {
            throw new IllegalStateException("the input was freed already");
        }
        return process(Encoded.of(input.buffer()), pipeline, input::release);
    }

    /**
     * The computation waits for its compute slot on its own (virtual) thread, not the caller's: a slot given back by a
     * finishing image goes straight to a computation already waiting, with no other thread to wake in between (a caller
     * woken first, then a carrier for the computation, each had to win a core from the storage and cluster threads,
     * which left slots idle when the cores were busy). The caller waits for the slot to be taken, then for the result
     * within the time limit.
     *
     * @param done run once when the input is no longer needed: by the computation's thread when it ends, or when it
     *             stops without starting (given up on while waiting for a slot); at once here when it cannot start at all
     */
    private Result process(Encoded input, Pipeline pipeline, Runnable done) throws InterruptedException {
        long waitFrom = System.nanoTime();
        AtomicInteger state = new AtomicInteger(NEW);
        AtomicReference<Thread> computing = new AtomicReference<>();
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        Future<Result> computation;
        try {
            computation = runner.submit(() -> {
                computing.set(Thread.currentThread()); // before looking at the state: a caller giving up sees one or the other
                boolean slot = false;
                try {
                    if (state.get() == NEW) {
                        slots.acquire();
                        slot = true;
                    }
                } catch (InterruptedException givenUp) {
                    // given up on while waiting for a slot, or the processor is closing
                }
                if (!slot || !state.compareAndSet(NEW, STARTED)) {
                    if (slot) {
                        slots.release();
                    }
                    started.complete(false);
                    done.run();
                    return null;
                }
                times.since(StageTimes.Stage.SLOT, waitFrom);
                started.complete(true);
                try {
                    return run(input, pipeline);
                } finally {
                    slots.release(); // an abandoned computation still uses its core until it stops
                    done.run();
                }
            });
        } catch (RuntimeException | Error e) {
            done.run();
            throw e;
        }
        try {
            if (!started.get()) {
                return new Result.Refused("stopped before it started: the processor is closing");
            }
        } catch (InterruptedException e) {
            if (state.compareAndSet(NEW, ABANDONED)) {
                Thread waiting = computing.get();
                if (waiting != null) {
                    waiting.interrupt(); // stops waiting for a slot; gives the input back itself
                }
            } else {
                computation.cancel(true); // it took its slot just now: stopped like one past its time limit
            }
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause()); // never completed exceptionally
        }
        try {
            return computation.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            computation.cancel(true);
            return new Result.Refused("took longer than " + limitText() + ", the per-image limit; stopped");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            String reason = e.getCause() instanceof RuntimeException failure ? OpenCv.shortMessage(failure) : Reasons.oneLine(e.getCause());
            return new Result.Refused("processing failed: " + reason);
        } catch (InterruptedException e) {
            computation.cancel(true);
            throw e;
        }
    }

    /** Images being computed now, including those given up on after the time limit that have not reached a stage boundary yet. */
    public int running() {
        return running.get();
    }

    private String limitText() {
        long millis = timeLimit.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private Result run(Encoded input, Pipeline pipeline) throws Exception {
        running.incrementAndGet();
        try {
            return stages(input, pipeline);
        } finally {
            running.decrementAndGet();
        }
    }

    /** Stops an abandoned computation at a stage boundary. */
    private static void stopIfAbandoned() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("abandoned after the per-image time limit");
        }
    }

    private Result stages(Encoded input, Pipeline pipeline) throws Exception {
        long start = System.nanoTime();
        try (PointerScope scope = new PointerScope()) {
            DecodeResult decoded = input.decode(decoder, pipeline.shrinkTarget());
            long decodedAt = times.since(StageTimes.Stage.DECODE, start);
            if (decoded instanceof DecodeResult.Rejected(String reason, boolean lasting)) {
                return new Result.Refused(reason);
            }
            DecodeResult.Decoded source = (DecodeResult.Decoded) decoded;
            ExifSummary exif = pipeline.needsExif() ? input.exif().orElse(null) : null;
            Pipeline.Result result = pipeline.run(source.image(), exif, ImageProcessor::stopIfAbandoned);
            try (NativeImage image = result.image()) {
                long opsAt = times.since(StageTimes.Stage.OPS, decodedAt);
                stopIfAbandoned();
                byte[] output = pipeline.format().encode(image);
                times.since(StageTimes.Stage.ENCODE, opsAt);
                ImageFigures figures = new ImageFigures(source.header(), image.width(), image.height(), input.length(), output.length,
                        (System.nanoTime() - start) / 1_000_000);
                Map<String, Object> metrics = figures.addTo(result.metrics());
                return new Result.Processed(output, metrics);
            }
        } catch (OutOfMemoryError e) {
            // within the pixel limit this should not happen; one image fails, not the worker
            return new Result.Refused("not enough memory for this image through " + pipeline);
        } finally {
            times.computed(start, System.nanoTime());
        }
    }

    /** An encoded input: bytes on the heap, or in native memory (a direct buffer) that is decoded where it is. */
    private record Encoded(BiFunction<NativeDecoder, ShrinkTarget, DecodeResult> decoding, Supplier<Optional<ExifSummary>> exifReading,
                           int length) {
        static Encoded of(byte[] bytes) {
            return new Encoded((decoder, target) -> decoder.decode(bytes, target), () -> ExifReader.read(bytes), bytes.length);
        }

        static Encoded of(ByteBuffer bytes) {
            return new Encoded((decoder, target) -> decoder.decode(bytes, target), () -> ExifReader.read(bytes), bytes.remaining());
        }

        DecodeResult decode(NativeDecoder decoder, ShrinkTarget target) {
            return decoding.apply(decoder, target);
        }

        Optional<ExifSummary> exif() {
            return exifReading.get();
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
