package io.tessera.engine.dispatch;

import io.tessera.engine.events.JobCounts;
import java.time.Instant;
import java.util.Map;

/** A job hash as read at one moment. Times are null until they happened. */
public record JobStatus(String job, JobState state, JobCounts counts, Instant created, Instant started, Instant finished) {

    static JobStatus fromHash(String job, Map<String, String> hash) {
        return new JobStatus(job, JobState.valueOf(hash.get("state")), JobCounts.fromHash(hash),
                instant(hash.get("created")), instant(hash.get("started")), instant(hash.get("finished")));
    }

    /** No task needs more work (done, cancelled or dead). */
    public boolean settled() {
        return counts.settled() >= counts.tasks();
    }

    private static Instant instant(String millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }
}
