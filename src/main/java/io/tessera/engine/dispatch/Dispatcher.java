package io.tessera.engine.dispatch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
    private final JobSetup setup;

    /** A dispatcher that adds tasks unsigned: for dispatch's own tests and benchmarks; a worker refuses its tasks. */
    public Dispatcher(UnifiedJedis redis, DispatchKeys keys, DispatchSettings settings) {
        this(redis, keys, settings, TaskSigner.NONE);
    }

    /** @param signer signs every task it adds ({@link TaskSigner}) */
    public Dispatcher(UnifiedJedis redis, DispatchKeys keys, DispatchSettings settings, TaskSigner signer) {
        this.redis = redis;
        this.keys = keys;
        this.settings = settings;
        this.deadLetters = new DeadLetters(redis, keys);
        this.setup = new JobSetup(redis, keys, settings, signer);
    }

    public Dispatcher(UnifiedJedis redis) {
        this(redis, DispatchKeys.DEFAULT, DispatchSettings.defaults());
    }

    /**
     * Dispatches a job without a plan: creates the job hash (state QUEUED, counters zero, totals set, the first
     * task's recipe and priority, each shard's task count), lists it in the job index ({@link JobCatalog}), records
     * JOB_STARTED, then adds the tasks in batches. Workers may start on the first tasks while later ones are added.
     *
     * @throws IllegalArgumentException when the tasks are empty, belong to another job, or repeat an id
     * @throws IllegalStateException    when a job with this id was submitted before
     */
    public void submit(String jobId, List<Task> tasks) {
        check(jobId, tasks);
        Map<Integer, List<Task>> byShard = new TreeMap<>();
        tasks.forEach(task -> byShard.computeIfAbsent(task.shard(), s -> new ArrayList<>()).add(task));
        List<JobLayout.ShardLayout> shards = byShard.entrySet().stream().map(e -> JobLayout.ShardLayout.open(e.getKey(), e.getValue().size(),
                e.getValue().stream().mapToLong(t -> t.images().size()).sum())).toList();
        Task first = tasks.getFirst();
        JobLayout layout = new JobLayout(jobId, "", first.pipeline(), first.priority(), settings.finishedJobTtlSeconds(), 0, false, false, shards);
        try {
            fill(layout, byShard::get, SubmitListener.NONE);
        } catch (IOException cannot) {
            throw new IllegalStateException(cannot); // the tasks are in memory: nothing to read
        }
    }

    /**
     * Makes Redis hold the job as {@code layout} says, whatever of it is there already: creates the job hash when
     * missing (a job dispatched from a plan may be created again from the same plan: the hash's {@code plan} tag
     * tells), then adds each shard's tasks that never went on a stream, asking {@code source} only for those shards.
     * Safe to run again after a crash at any step, and beside another fill of the same job.
     *
     * @throws IllegalStateException when the id belongs to another job in Redis
     */
    public QueueFill fill(JobLayout layout, ShardTasks source, SubmitListener listener) throws IOException {
        return setup.fill(layout, source, listener);
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

    /** The job as Redis holds it now, with the {@code queued} count of each of {@code shards}; cheap (one round trip). */
    public QueueLook look(String jobId, List<Integer> shards) {
        return setup.look(DispatchKeys.checkJobId(jobId), shards);
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

    /** The queue's depth, read atomically (one script) so that waiting = entries − pending never reads a completion half-way. */
    public QueueDepth depth() {
        @SuppressWarnings("unchecked")
        List<Long> v = (List<Long>) DispatchScripts.DEPTH.runReadOnly(redis, List.of(keys.tasks(Priority.HIGH), keys.tasks(Priority.NORMAL), keys.retry(), keys.dead()),
                List.of(DispatchKeys.GROUP));
        return new QueueDepth(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4));
    }
}
