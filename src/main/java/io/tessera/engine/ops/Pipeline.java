package io.tessera.engine.ops;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tessera.engine.images.ExifSummary;
import io.tessera.engine.images.NativeImage;
import io.tessera.engine.images.ShrinkTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ops in order plus the output format: what a job does to each image. Built only from valid specs, so a
 * pipeline that exists can run; its JSON ({@code {"ops":["thumbnail:256","grayscale"],"format":"png"}})
 * travels in tasks and is validated again where it is read.
 */
public final class Pipeline {
    private final List<ImageOp> ops;
    private final OutputFormat format;

    public Pipeline(List<ImageOp> ops, OutputFormat format) {
        if (ops.isEmpty()) {
            throw new OpSpecException("a pipeline needs at least one op, e.g. thumbnail:256");
        }
        this.ops = List.copyOf(ops);
        this.format = format;
    }

    /**
     * Parses specs as a user gives them: {@code format:...} entries set the output format (the last one wins;
     * {@code formatSpec} when none, JPEG when that is null too).
     */
    public static Pipeline parse(List<String> specs, String formatSpec) {
        List<ImageOp> ops = new ArrayList<>();
        OutputFormat format = formatSpec == null ? OutputFormat.JPEG : OutputFormat.parse(formatSpec);
        for (String spec : specs) {
            if (spec.strip().toLowerCase(java.util.Locale.ROOT).startsWith("format:")) {
                format = OutputFormat.parse(spec.strip().substring("format:".length()));
            } else {
                ops.add(OpSpec.parse(spec));
            }
        }
        return new Pipeline(ops, format);
    }

    @JsonCreator
    static Pipeline fromSpecs(@JsonProperty("ops") List<String> ops, @JsonProperty("format") String format) {
        return parse(ops == null ? List.of() : ops, format);
    }

    public List<ImageOp> ops() {
        return ops;
    }

    @JsonIgnore
    public OutputFormat format() {
        return format;
    }

    @JsonProperty("ops")
    public List<String> specs() {
        return ops.stream().map(ImageOp::spec).toList();
    }

    @JsonProperty("format")
    String formatSpec() {
        return format.spec();
    }

    /** What the first op scales to, when scaling is what it does: decoding may shrink towards it. */
    @JsonIgnore
    public ShrinkTarget shrinkTarget() {
        return source -> ops.getFirst().scalesTo(source);
    }

    /** Whether an op reads the source's EXIF (auto-orient, exif): only then is it parsed. */
    @JsonIgnore
    public boolean needsExif() {
        return ops.stream().anyMatch(op -> op instanceof Orient o && o.kind() == Orient.Kind.AUTO || op instanceof ExifFields);
    }

    /** A folder name for the op chain, e.g. {@code thumbnail-256_grayscale}: only letters, digits, '.', '-' and '_'. */
    @JsonIgnore
    public String chainName() {
        String chain = String.join("_", specs()).replaceAll("[:=,]+", "-").replaceAll("[^A-Za-z0-9._-]", "");
        return chain.length() <= 100 ? chain : chain.substring(0, 90) + "-" + Integer.toHexString(chain.hashCode());
    }

    /** Called before each op; throws to stop the run there (e.g. when its time is up). */
    @FunctionalInterface
    public interface Checkpoint {
        Checkpoint NONE = () -> { };

        void reached() throws InterruptedException;
    }

    /**
     * Runs the ops in order on {@code image}, which the pipeline takes over: every intermediate image is closed as
     * soon as the next op made its own, and on failure everything is closed. Analysis results land in the metrics.
     */
    public Result run(NativeImage image, ExifSummary exif, Checkpoint checkpoint) throws InterruptedException {
        Map<String, Object> metrics = new HashMap<>();
        ImageOp.Context context = new ImageOp.Context(orientation(exif), metrics, exif);
        NativeImage current = image;
        try {
            for (ImageOp op : ops) {
                checkpoint.reached();
                NativeImage next = op.apply(current, context);
                if (next != current) {
                    current.close();
                    current = next;
                }
            }
            return new Result(current, metrics);
        } catch (InterruptedException | RuntimeException | Error e) {
            current.close();
            throw e;
        }
    }

    /** The EXIF orientation an op sees: 1 (upright) when there is none. */
    public static int orientation(ExifSummary exif) {
        return exif == null || exif.orientation() == null || exif.orientation() < 1 ? 1 : exif.orientation();
    }

    /** The final image (the caller's to close) and what the analysis ops found. */
    public record Result(NativeImage image, Map<String, Object> metrics) {}

    public String toJson() {
        try {
            return io.tessera.engine.json.Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Pipeline fromJson(String json) {
        try {
            return io.tessera.engine.json.Json.mapper().readValue(json, Pipeline.class);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            throw e.getCause() instanceof OpSpecException bad ? bad : new OpSpecException("not a pipeline: " + e.getOriginalMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new OpSpecException("not a pipeline: " + e.getOriginalMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pipeline p && p.specs().equals(specs()) && p.format.equals(format);
    }

    @Override
    public int hashCode() {
        return specs().hashCode() * 31 + format.hashCode();
    }

    @Override
    public String toString() {
        return String.join(" | ", specs()) + " → " + format.spec();
    }
}
