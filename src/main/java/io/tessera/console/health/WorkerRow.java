package io.tessera.console.health;

import io.tessera.console.common.Formats;
import io.tessera.engine.membership.WorkerInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** One registered worker as the dashboard's table shows it. {@code silent} when it has not reported for too long. */
public record WorkerRow(String id, String host, String threads, String imagesPerSecond, String jobs, String lastReport,
                        String version, boolean silent) {

    static WorkerRow of(WorkerInfo worker, Instant now, Duration silence) {
        Instant last = worker.figures() == null ? worker.started() : worker.figures().updated();
        Duration ago = Duration.between(last, now);
        var figures = worker.figures();
        String threads = figures == null ? Integer.toString(worker.threads()) : figures.busyThreads() + " busy of " + worker.threads();
        String rate = figures == null ? "–" : String.format(Locale.ROOT, "%.1f", figures.imagesPerSecond());
        String jobs = figures == null || figures.jobs().isEmpty() ? "idle" : String.join(", ", figures.jobs());
        return new WorkerRow(worker.id(), worker.host(), threads, rate, jobs, Formats.ago(ago.isNegative() ? Duration.ZERO : ago),
                worker.version(), ago.compareTo(silence) > 0);
    }
}
