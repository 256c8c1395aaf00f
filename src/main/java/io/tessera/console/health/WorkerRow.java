package io.tessera.console.health;

import io.tessera.console.common.Formats;
import io.tessera.engine.membership.WorkerInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One registered worker as the dashboard's table shows it: its image threads, the images it holds now (reading, computing
 * or writing: up to twice its threads), and {@code silent} when it has not reported for too long.
 */
public record WorkerRow(String id, String host, String threads, String atHand, String imagesPerSecond, String jobs, String lastReport,
                        String version, boolean silent) {

    static WorkerRow of(WorkerInfo worker, Instant now, Duration silence) {
        Instant last = worker.figures() == null ? worker.started() : worker.figures().updated();
        Duration ago = Duration.between(last, now);
        var figures = worker.figures();
        String atHand = figures == null ? "–" : Integer.toString(figures.busyThreads());
        String rate = figures == null ? "–" : String.format(Locale.ROOT, "%.1f", figures.imagesPerSecond());
        String jobs = figures == null || figures.jobs().isEmpty() ? "idle" : String.join(", ", figures.jobs());
        return new WorkerRow(worker.id(), worker.host(), Integer.toString(worker.threads()), atHand, rate, jobs, Formats.ago(ago.isNegative() ? Duration.ZERO : ago),
                worker.version(), ago.compareTo(silence) > 0);
    }
}
