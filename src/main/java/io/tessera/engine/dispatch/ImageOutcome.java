package io.tessera.engine.dispatch;

import java.util.Map;

/** What became of one input image of a task. */
public sealed interface ImageOutcome {
    String input();

    /** Written to {@code output}; {@code metrics} are small figures for the live view (width, millis…). */
    record Done(String input, String output, Map<String, Object> metrics) implements ImageOutcome {
        public Done {
            metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        }
    }

    /** This image cannot be processed (corrupt, hostile, too large): final, not retried. */
    record Failed(String input, String reason) implements ImageOutcome {}

    static ImageOutcome done(String input, String output, Map<String, Object> metrics) {
        return new Done(input, output, metrics);
    }

    static ImageOutcome failed(String input, String reason) {
        return new Failed(input, reason);
    }
}
