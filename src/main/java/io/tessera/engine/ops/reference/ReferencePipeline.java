package io.tessera.engine.ops.reference;

import io.tessera.engine.Reasons;
import io.tessera.engine.images.ExifReader;
import io.tessera.engine.images.ExifSummary;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.ops.ImageFigures;
import io.tessera.engine.ops.ImageOp;
import io.tessera.engine.ops.Pipeline;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

/**
 * The old Java path, whole: ImageIO decoding (subsampled), the ops on {@code BufferedImage}, ImageIO encoding. The
 * same shape as the worker's {@code ImageProcessor} (bytes and a pipeline in, bytes and metrics out) so a benchmark
 * can run both; the equivalence test compares their pixels. No time limit, no stage timers: jobs never use it.
 */
public final class ReferencePipeline {
    private final ReferenceDecoder decoder;

    public ReferencePipeline(ImageLimits limits) {
        this.decoder = new ReferenceDecoder(limits);
    }

    public sealed interface Outcome {
        record Processed(byte[] bytes, Map<String, Object> metrics) implements Outcome {}

        record Refused(String reason) implements Outcome {}
    }

    public Outcome process(byte[] input, Pipeline pipeline) {
        long start = System.nanoTime();
        ReferenceDecoder.Result decoded = decoder.decode(input, pipeline.shrinkTarget());
        if (decoded instanceof ReferenceDecoder.Result.Rejected(String reason)) {
            return new Outcome.Refused(reason);
        }
        ReferenceDecoder.Result.Decoded source = (ReferenceDecoder.Result.Decoded) decoded;
        try {
            ExifSummary exif = pipeline.needsExif() ? ExifReader.read(input).orElse(null) : null;
            Map<String, Object> metrics = new HashMap<>();
            BufferedImage image = run(pipeline, source.image(), exif, metrics);
            byte[] output = ReferenceEncoder.encode(image, pipeline.format());
            ImageFigures figures = new ImageFigures(source.header(), image.getWidth(), image.getHeight(), input.length, output.length,
                    (System.nanoTime() - start) / 1_000_000);
            return new Outcome.Processed(output, figures.addTo(metrics));
        } catch (Exception e) {
            return new Outcome.Refused("processing failed: " + Reasons.oneLine(e));
        }
    }

    /** The ops in order on a decoded image; analysis results land in {@code metrics}. */
    public static BufferedImage run(Pipeline pipeline, BufferedImage image, ExifSummary exif, Map<String, Object> metrics) {
        ImageOp.Context context = new ImageOp.Context(Pipeline.orientation(exif), metrics, exif);
        BufferedImage current = image;
        for (ImageOp op : pipeline.ops()) {
            current = ReferenceOps.apply(op, current, context);
        }
        return current;
    }
}
