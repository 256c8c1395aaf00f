package io.tessera.engine.worker;

import io.tessera.engine.Reasons;
import io.tessera.engine.images.ExifReader;
import io.tessera.engine.images.ExifSummary;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.ops.ImageOp;
import io.tessera.engine.ops.reference.ReferenceDecoder;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Image bytes through a pipeline to output bytes, with no storage involved: the header check and pixel limit
 * before decoding (subsampled when the first op shrinks to a box), the ops, the encoding, all within a time
 * limit. Bad content gives a reason, never an exception.
 *
 * <p>Each image runs on a virtual thread the caller waits for. Past the time limit the caller stops waiting
 * at once (its thread is free for the next image, the image fails with "took longer than N s") and the
 * computation is interrupted: it stops at the next stage boundary (after decoding, between two ops, before
 * encoding) instead of running the rest of the pipeline for nobody. A single op or decode does not poll
 * interrupts, so it runs out first; the pixel limit bounds what that costs. {@link #running()} counts the
 * computations in progress, those given up on included.
 */
public final class ImageProcessor implements AutoCloseable {
    private final ReferenceDecoder decoder;
    private final ImageLimits limits;
    private final Duration timeLimit;
    private final StageTimes times;
    private final AtomicInteger running = new AtomicInteger();
    /** Runs each image so that the caller can stop waiting. */
    private final ExecutorService runner = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("image-op-", 1).factory());

    public ImageProcessor(ImageLimits limits, Duration timeLimit) {
        this(limits, timeLimit, new StageTimes());
    }

    /** @param times where decode, ops and encode times are added up */
    public ImageProcessor(ImageLimits limits, Duration timeLimit, StageTimes times) {
        this.decoder = new ReferenceDecoder(limits);
        this.limits = limits;
        this.timeLimit = timeLimit;
        this.times = times;
    }

    public StageTimes times() {
        return times;
    }

    public sealed interface Result {
        record Processed(byte[] bytes, Map<String, Object> metrics) implements Result {}

        record Refused(String reason) implements Result {}
    }

    public ImageLimits limits() {
        return limits;
    }

    public Result process(byte[] input, Pipeline pipeline) throws InterruptedException {
        Future<Result> computation = runner.submit(() -> run(input, pipeline));
        try {
            return computation.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            computation.cancel(true);
            return new Result.Refused("took longer than " + limitText() + ", the per-image limit; stopped");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            return new Result.Refused("processing failed: " + Reasons.oneLine(e.getCause()));
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

    private Result run(byte[] input, Pipeline pipeline) throws Exception {
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

    private Result stages(byte[] input, Pipeline pipeline) throws Exception {
        long start = System.nanoTime();
        ReferenceDecoder.Result decoded = decoder.decode(input, pipeline.decodeBox());
        long decodedAt = times.since(StageTimes.Stage.DECODE, start);
        if (decoded instanceof ReferenceDecoder.Result.Rejected(String reason)) {
            return new Result.Refused(reason);
        }
        ReferenceDecoder.Result.Decoded image = (ReferenceDecoder.Result.Decoded) decoded;
        try {
            ExifSummary exif = pipeline.needsExif() ? ExifReader.read(input).orElse(null) : null;
            Pipeline.Result result = runOps(pipeline, image.image(), exif);
            long opsAt = times.since(StageTimes.Stage.OPS, decodedAt);
            stopIfAbandoned();
            byte[] output = pipeline.format().encode(result.image());
            times.since(StageTimes.Stage.ENCODE, opsAt);
            Map<String, Object> metrics = new HashMap<>(result.metrics());
            metrics.put("sourceWidth", image.header().width());
            metrics.put("sourceHeight", image.header().height());
            metrics.put("width", result.image().getWidth());
            metrics.put("height", result.image().getHeight());
            metrics.put("bytesIn", input.length);
            metrics.put("bytesOut", output.length);
            metrics.put("ms", (System.nanoTime() - start) / 1_000_000);
            return new Result.Processed(output, metrics);
        } catch (OutOfMemoryError e) {
            // within the pixel limit this should not happen; one image fails, not the worker
            return new Result.Refused("not enough memory for " + image.header().dimensions() + " through " + pipeline);
        }
    }

    /** The ops one at a time (each as a one-op pipeline, so the pipeline's own rules apply), checking between them for abandonment. */
    private static Pipeline.Result runOps(Pipeline pipeline, BufferedImage image, ExifSummary exif) throws InterruptedException {
        Map<String, Object> metrics = new HashMap<>();
        BufferedImage current = image;
        for (ImageOp op : pipeline.ops()) {
            stopIfAbandoned();
            Pipeline.Result step = new Pipeline(List.of(op), pipeline.format()).run(current, exif);
            metrics.putAll(step.metrics());
            current = step.image();
        }
        return new Pipeline.Result(current, metrics);
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
