package io.tessera.engine.dispatch;

import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventJson;
import io.tessera.engine.events.JobCounts;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

/**
 * The job side of dispatch, for the launcher, the CLI and the jobs table: submit a job's tasks, read its
 * state and counters, cancel, pause, resume, and look at or requeue its dead letters.
 */
public final class Dispatcher {
    private final UnifiedJedis redis;
    private final DispatchKeys keys;
    private final DispatchSettings settings;
    private final DeadLetters deadLetters;

    public Dispatcher(UnifiedJedis redis, DispatchKeys keys, DispatchSettings settings) {
        this.redis = redis;
        this.keys = keys;
        this.settings = settings;
        this.deadLetters = new DeadLetters(redis, keys);
    }

    public Dispatcher(UnifiedJedis redis) {
        this(redis, DispatchKeys.DEFAULT, DispatchSettings.defaults());
    }

    /**
     * Creates the job hash (state QUEUED, counters zero, totals set, the first task's recipe and priority), lists
     * the job in the job index ({@link JobCatalog}), records JOB_STARTED, then adds the
     * tasks with pipelined XADDs. Workers may start on the first tasks while later ones are still added.
     *
     * @throws IllegalArgumentException when the tasks are empty, belong to another job, or repeat an id
     * @throws IllegalStateException    when a job with this id was submitted before
     */
    public void submit(String jobId, List<Task> tasks) {
        check(jobId, tasks);
        StreamGroups.ensure(redis, keys);
        long images = tasks.stream().mapToLong(t -> t.images().size()).sum();
        Event started = Event.jobStarted(jobId, new JobCounts(tasks.size(), images, 0, 0, 0, 0, 0, 0));
        Object created = DispatchScripts.CREATE_JOB.run(redis, List.of(keys.job(jobId), keys.events().results(), keys.jobs()),
                List.of(Integer.toString(tasks.size()), Long.toString(images), Long.toString(settings.resultsMaxLen()),
                        keys.events().channelPrefix(), jobId, EventJson.write(started), java.util.Objects.requireNonNullElse(tasks.getFirst().pipeline(), ""),
                        tasks.getFirst().priority().name()));
        if (((Long) created) == 0) {
            throw new IllegalStateException("job " + jobId + " was submitted before");
        }
        // every shard's task count before any task is visible, so no shard looks settled while its tasks are still being added
        Map<String, String> left = new HashMap<>();
        tasks.forEach(task -> left.merge(task.shard() + ":left", "1", (a, b) -> Long.toString(Long.parseLong(a) + 1)));
        redis.hset(keys.shards(jobId), left);
        // how long the job's keys stay once it finished: the submitter decides, the finishing script applies it
        redis.hset(keys.job(jobId), "keepSeconds", settings.finishedJobTtlSeconds());
        for (int from = 0; from < tasks.size(); from += settings.batchSize()) {
            try (AbstractPipeline pipeline = redis.pipelined()) {
                for (Task task : tasks.subList(from, Math.min(tasks.size(), from + settings.batchSize()))) {
                    pipeline.xadd(keys.tasks(task.priority()), StreamEntryID.NEW_ENTRY, Map.of("task", task.toJson()));
                }
                pipeline.sync();
            }
        }
    }

    private static void check(String jobId, List<Task> tasks) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("job " + jobId + " has no tasks");
        }
        Set<String> ids = new HashSet<>();
        for (Task task : tasks) {
            if (!task.job().equals(jobId)) {
                throw new IllegalArgumentException("task " + task.id() + " belongs to job " + task.job() + ", not " + jobId);
            }
            if (!ids.add(task.id())) {
                throw new IllegalArgumentException("task id " + task.id() + " appears twice in job " + jobId);
            }
        }
    }

    public Optional<JobStatus> status(String jobId) {
        Map<String, String> hash = redis.hgetAll(keys.job(jobId));
        return hash.isEmpty() ? Optional.empty() : Optional.of(JobStatus.fromHash(jobId, hash));
    }

    /** How dispatch counts one shard of the job now; empty for an unknown job or a shard it does not track. */
    public Optional<ShardTally> shardTally(String jobId, int shard) {
        return Optional.ofNullable(ShardTally.fromValues(jobId, shard, redis.hmget(keys.shards(jobId), ShardTally.fields(shard))));
    }

    /** Workers acknowledge the job's remaining tasks as cancelled without running them. False when already over. */
    public boolean cancel(String jobId) {
        return control(jobId, "cancel");
    }

    /** Workers hold the job's tasks (finishing the image at hand) until {@link #resume}. */
    public boolean pause(String jobId) {
        return control(jobId, "pause");
    }

    public boolean resume(String jobId) {
        return control(jobId, "resume");
    }

    private boolean control(String jobId, String action) {
        long answer = (Long) DispatchScripts.CONTROL.run(redis, List.of(keys.job(jobId), keys.control(jobId)), List.of(action));
        if (answer < 0) {
            throw new IllegalArgumentException("no job " + jobId);
        }
        return answer == 1;
    }

    public List<DeadLetter> deadLetters(String jobId) {
        return deadLetters.of(DispatchKeys.checkJobId(jobId));
    }

    /** Puts the job's dead letters back on their streams with a fresh attempt count; returns how many. */
    public int requeueDeadLetters(String jobId) {
        return deadLetters.requeue(DispatchKeys.checkJobId(jobId));
    }

    public QueueDepth depth() {
        long pending = 0;
        for (Priority priority : Priority.values()) {
            if (redis.exists(keys.tasks(priority))) {
                pending += redis.xpending(keys.tasks(priority), DispatchKeys.GROUP).getTotal();
            }
        }
        return new QueueDepth(redis.xlen(keys.tasks(Priority.HIGH)), redis.xlen(keys.tasks(Priority.NORMAL)), pending,
                redis.zcard(keys.retry()), redis.xlen(keys.dead()));
    }
}
