package io.tessera.engine.worker;

import io.tessera.engine.dispatch.JobStatus;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * When the job benchmark looks at a job it timed next: every {@link #CLOSE} near the end, so the end it measures is
 * within that of the real one, and rarely before. Each look is a Redis read and a parse on the very cores the job
 * runs on, and a look every 20 ms throughout (as the bench did) took the core from a decoding image about 80 times a
 * second, a fifth of the preemptions a JPEG job's decoding suffered (measured with {@code perf record -e
 * sched:sched_switch}). The next look comes after half the time the images left should take at the rate so far;
 * the images counted lag the real ones by up to {@link JobStatus#PROCESSED_LAG_MILLIS} ms (workers report progress
 * coalesced), which is taken off first, so a look never lands after the job's end unless the rate drops by half.
 */
final class JobEndWatch implements Function<JobStatus, Duration> {
    static final Duration CLOSE = Duration.ofMillis(20);
    static final Duration MOST = Duration.ofMillis(500);

    private final LongSupplier nanoClock;
    private final long start;

    /** Watching from now (the job just submitted). */
    JobEndWatch() {
        this(System::nanoTime);
    }

    JobEndWatch(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    @Override
    public Duration apply(JobStatus latest) {
        if (latest == null || latest.processed() == 0 || latest.counts().images() == 0) {
            return CLOSE;
        }
        double nanosPerImage = (double) (nanoClock.getAsLong() - start) / latest.processed();
        double leftMillis = (latest.counts().images() - latest.processed()) * nanosPerImage / 1e6 - JobStatus.PROCESSED_LAG_MILLIS;
        return Duration.ofMillis(Math.clamp((long) (leftMillis / 2), CLOSE.toMillis(), MOST.toMillis()));
    }
}
