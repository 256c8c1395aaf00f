package io.tessera.engine.worker;

import io.tessera.engine.Reasons;
import io.tessera.engine.images.DecodeResult;
import io.tessera.engine.images.ExifReader;
import io.tessera.engine.images.ExifSummary;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.images.SafeDecoder;
import io.tessera.engine.ops.Pipeline;
import java.time.Duration;
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
 */
public final class ImageProcessor implements AutoCloseable {
    private final SafeDecoder decoder;
    private final Duration timeLimit;
    private final StageTimes times;
    /** Runs each image so that the caller can stop waiting; ops do not poll interrupts, but the pixel limit bounds what a runaway costs. */
    private final ExecutorService runner = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("image-op-", 1).factory());

    public ImageProcessor(ImageLimits limits, Duration timeLimit) {
        this(limits, timeLimit, new StageTimes());
    }

    /** @param times where decode, ops and encode times are added up */
    public ImageProcessor(ImageLimits limits, Duration timeLimit, StageTimes times) {
        this.decoder = new SafeDecoder(limits);
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
        return decoder.inspector().limits();
    }

    public Result process(byte[] input, Pipeline pipeline) throws InterruptedException {
        Future<Result> running = runner.submit(() -> run(input, pipeline));
        try {
            return running.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            return new Result.Refused("took longer than the per-image limit of " + timeLimit.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            return new Result.Refused("processing failed: " + Reasons.oneLine(e.getCause()));
        } catch (InterruptedException e) {
            running.cancel(true);
            throw e;
        }
    }

    private Result run(byte[] input, Pipeline pipeline) throws Exception {
        long start = System.nanoTime();
        DecodeResult decoded = decoder.decode(input, pipeline.decodeBox());
        long decodedAt = times.since(StageTimes.Stage.DECODE, start);
        if (decoded instanceof DecodeResult.Rejected(String reason)) {
            return new Result.Refused(reason);
        }
        DecodeResult.Decoded image = (DecodeResult.Decoded) decoded;
        try {
            ExifSummary exif = pipeline.needsExif() ? ExifReader.read(input).orElse(null) : null;
            Pipeline.Result result = pipeline.run(image.image(), exif);
            long opsAt = times.since(StageTimes.Stage.OPS, decodedAt);
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

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
