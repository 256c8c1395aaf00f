package io.tessera.engine.dispatch;

import io.tessera.engine.events.EventKeys;
import java.util.List;

/**
 * The Redis key layout of dispatch, all under one prefix ({@code tessera:} in production; tests use their
 * own so they never meet). See docs/architecture.md, "Redis dispatch and events".
 */
public record DispatchKeys(String prefix) {
    public static final DispatchKeys DEFAULT = new DispatchKeys("tessera:");
    /** The consumer group every worker reads the task streams with. */
    public static final String GROUP = "workers";

    /** {@code <prefix>tasks:high} / {@code <prefix>tasks:normal}: streams of task entries (field {@code task}, JSON). */
    public String tasks(Priority priority) {
        return prefix + "tasks:" + priority.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code <prefix>job:<id>}: hash with state, counters and timestamps. */
    public String job(String jobId) {
        return prefix + "job:" + checkJobId(jobId);
    }

    /** The pattern of every job's keys: {@code <prefix>job:*} (for ACL rules). */
    public String jobPattern() {
        return prefix + "job:*";
    }

    /** {@code <prefix>jobs}: zset of job ids scored by their creation time (epoch ms); the jobs table lists it newest first. */
    public String jobs() {
        return prefix + "jobs";
    }

    /**
     * {@code <prefix>control:<id>}: hash with the {@code cancel} and {@code pause} flags. Outside {@code <prefix>job:*}
     * on purpose: workers write the job's other keys, and a Redis ACL key pattern cannot leave out a suffix, so the
     * worker role gets {@code %R~<prefix>control:*} (read only) and only the console's {@code control.lua} writes here.
     */
    public String control(String jobId) {
        return prefix + "control:" + checkJobId(jobId);
    }

    /** The pattern of every job's {@link #control} key (for ACL rules). */
    public String controlPattern() {
        return prefix + "control:*";
    }

    /** {@code <prefix>job:<id>:settled}: task id → done | cancelled | dead; what makes completions idempotent. */
    public String settled(String jobId) {
        return job(jobId) + ":settled";
    }

    /**
     * {@code <prefix>job:<id>:shards}: per-shard tallies, fields {@code <shard>:left} (tasks not settled),
     * {@code :done}, {@code :failed} (images), {@code :dead}, {@code :cancelled} (tasks).
     */
    public String shards(String jobId) {
        return job(jobId) + ":shards";
    }

    /**
     * {@code <prefix>job:<id>:failures}: stream of the job's failed images, fields {@code input} and {@code reason}, one
     * entry per image: the job's complete record of them (the results stream is capped and shared).
     */
    public String failures(String jobId) {
        return job(jobId) + ":failures";
    }

    /** {@code <prefix>job:<id>:dhash}: hash input → 64-bit difference hash (16 hex digits) of the job's images made with {@code dhash}. */
    public String dhashes(String jobId) {
        return job(jobId) + ":dhash";
    }

    /**
     * {@code <prefix>job:<id>:dead}: hash task id → the job's dead letter (JSON: entry id in the shared dead-letter stream,
     * task JSON, priority, error, worker, time), complete whatever the shared stream's cap trimmed.
     */
    public String deadLetters(String jobId) {
        return job(jobId) + ":dead";
    }

    /** The job's record keys the completion and failure scripts keep (and expire with the job): failures, dhashes, dead letters. */
    List<String> records(String jobId) {
        return List.of(failures(jobId), dhashes(jobId), deadLetters(jobId));
    }

    /** {@code <prefix>retry}: zset of failed tasks waiting for their next attempt, scored by due time (epoch ms). */
    public String retry() {
        return prefix + "retry";
    }

    /**
     * {@code <prefix>dead}: stream of tasks that failed too often, with their last error, across jobs; capped
     * ({@link DispatchSettings#deadMaxLen}): the overview, while each job's {@link #deadLetters} hash is complete.
     */
    public String dead() {
        return prefix + "dead";
    }

    public EventKeys events() {
        return new EventKeys(prefix);
    }

    /** Job ids become key and channel names: checked by the one rule of {@link JobId}. */
    public static String checkJobId(String jobId) {
        return JobId.check(jobId);
    }
}
