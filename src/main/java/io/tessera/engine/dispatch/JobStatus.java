package io.tessera.engine.dispatch;

import io.tessera.engine.events.JobCounts;
import java.time.Instant;
import java.util.Map;

/**
 * A job hash as read at one moment. Times are null until they happened. {@code running}: images already finished by
 * tasks that have not settled yet (what their workers reported a moment ago, see progress.lua), which the counters
 * take over when the task settles.
 */
public record JobStatus(String job, JobState state, JobCounts counts, Instant created, Instant started, Instant finished, long running) {
    /** The job hash field prefix of a running task's images finished so far. */
    static final String RUNNING_FIELD = "running:";

    public JobStatus(String job, JobState state, JobCounts counts, Instant created, Instant started, Instant finished) {
        this(job, state, counts, created, started, finished, 0);
    }

    static JobStatus fromHash(String job, Map<String, String> hash) {
        long running = 0;
        for (Map.Entry<String, String> field : hash.entrySet()) {
            if (field.getKey().startsWith(RUNNING_FIELD)) {
                running += Long.parseLong(field.getValue());
            }
        }
        return new JobStatus(job, JobState.valueOf(hash.get("state")), JobCounts.fromHash(hash),
                instant(hash.get("created")), instant(hash.get("started")), instant(hash.get("finished")), running);
    }

    /** No task needs more work (done, cancelled or dead). */
    public boolean settled() {
        return counts.settled() >= counts.tasks();
    }

    /** How far {@link #processed} may trail the images really finished: workers report running tasks' images coalesced. */
    public static final long PROCESSED_LAG_MILLIS = RunningProgress.EVERY_MILLIS;

    /** Images finished, done or failed, per image: those the counters hold and those of tasks still running. */
    public long processed() {
        long counted = counts.done() + counts.failed();
        return Math.min(Math.max(counted, counts.images()), counted + running);
    }

    private static Instant instant(String millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }
}
