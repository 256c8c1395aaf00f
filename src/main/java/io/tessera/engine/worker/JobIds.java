package io.tessera.engine.worker;

import io.tessera.engine.ops.Pipeline;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Readable job ids: {@code <what>-<local date>-<hour minute>-<4 hex>}, e.g. {@code thumbs-20261129-0142-7f3a}.
 * The label says what the job does, the time when it was made, and the random tail keeps two jobs
 * launched in one minute apart.
 */
public final class JobIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private JobIds() {}

    /** An id labelled by the pipeline's first op ({@code thumbs} for thumbnails). */
    public static String forPipeline(Pipeline pipeline, Clock clock) {
        return next(label(pipeline.specs().getFirst()), clock);
    }

    /** An id with the given label (letters, digits and '-'; anything else is dropped). */
    public static String next(String label, Clock clock) {
        String clean = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        return (clean.isEmpty() ? "job" : clean) + "-" + LocalDateTime.now(clock).format(STAMP) + "-"
                + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }

    private static String label(String firstSpec) {
        int colon = firstSpec.indexOf(':');
        String name = colon < 0 ? firstSpec : firstSpec.substring(0, colon);
        return switch (name) {
            case "thumbnail" -> "thumbs";
            case "auto-orient" -> "orient";
            default -> name;
        };
    }
}
