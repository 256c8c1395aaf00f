package io.tessera.console.jobs;

import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Images per second of one job: over the last {@value #WINDOW_SECONDS} s of samples while it runs (so a pause does not
 * linger in the figure; images are counted one by one ({@code JobStatus.processed}), but their cost varies from image to
 * image, and a long window keeps the ETA steady), since its start while it has run for less than that, over its whole
 * run once it is over. NaN when not known yet.
 */
final class RateMeter {
    static final int WINDOW_SECONDS = 60;

    private record Sample(long nanos, long processed) {}

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    double update(JobStatus status, long nowNanos, Instant now) {
        long processed = processed(status);
        if (status.started() != null && status.finished() != null) {
            samples.clear();
            return overall(processed, Duration.between(status.started(), status.finished()));
        }
        samples.addLast(new Sample(nowNanos, processed));
        // keep the newest sample at least a window old as the window's start
        while (samples.size() > 2 && nowNanos - second().nanos() >= WINDOW_SECONDS * 1_000_000_000L) {
            samples.removeFirst();
        }
        if (status.state() != JobState.RUNNING) {
            return Double.NaN;
        }
        Sample first = samples.peekFirst();
        double seconds = (nowNanos - first.nanos()) / 1e9;
        if (seconds >= WINDOW_SECONDS - 1) {
            return (processed - first.processed()) / seconds;
        }
        // young job, or the panel just opened: the average since the job started is the best there is
        return status.started() == null ? Double.NaN : overall(processed, Duration.between(status.started(), now));
    }

    private Sample second() {
        var it = samples.iterator();
        it.next();
        return it.next();
    }

    static long processed(JobStatus status) {
        return status.processed();
    }

    private static double overall(long processed, Duration took) {
        double seconds = Math.max(took.toMillis(), 1) / 1000.0;
        return processed / seconds;
    }
}
