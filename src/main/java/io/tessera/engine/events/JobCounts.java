package io.tessera.engine.events;

import java.util.Map;

/**
 * The counters of a job hash. Tasks: {@code tasks} submitted, {@code tasksDone} completed (their images ran),
 * {@code cancelled} acknowledged without running, {@code dead} in the dead-letter stream now, {@code retried}
 * failures sent back for another attempt. Images: {@code images} submitted, {@code done} ok, {@code failed}.
 */
public record JobCounts(long tasks, long images, long tasksDone, long done, long failed, long retried, long dead, long cancelled) {
    /** Field names in the job hash, in record order. */
    public static final String[] FIELDS = {"tasks", "images", "tasksDone", "done", "failed", "retried", "dead", "cancelled"};

    /** Tasks that need no more work: completed, cancelled or dead. */
    public long settled() {
        return tasksDone + cancelled + dead;
    }

    public static JobCounts fromHash(Map<String, String> hash) {
        long[] v = new long[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            String value = hash.get(FIELDS[i]);
            v[i] = value == null ? 0 : Long.parseLong(value);
        }
        return new JobCounts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }
}
