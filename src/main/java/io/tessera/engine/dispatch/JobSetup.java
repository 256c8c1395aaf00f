package io.tessera.engine.dispatch;

import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Makes Redis hold a job as its {@link JobLayout} says, idempotently, so a submit that died at any step can simply
 * run again, and the coordinator can rebuild what Redis lost: {@code create-job.lua} makes the job hash with its
 * shard tallies (or finds it, from the same plan), then {@code enqueue.lua} adds each shard's tasks that never went
 * in, by the shard's {@code queued} count (no per-task memory in Redis: tasks of a shard go in in order).
 */
final class JobSetup {
    private final UnifiedJedis redis;
    private final DispatchKeys keys;
    private final DispatchSettings settings;

    private final TaskSigner signer;

    JobSetup(UnifiedJedis redis, DispatchKeys keys, DispatchSettings settings, TaskSigner signer) {
        this.signer = signer;
        this.redis = redis;
        this.keys = keys;
        this.settings = settings;
    }

    QueueFill fill(JobLayout layout, ShardTasks source, SubmitListener listener) throws IOException {
        String job = layout.jobId();
        StreamGroups.ensure(redis, keys);
        if (layout.paused()) {
            // before the job and its tasks exist: no worker can take one unpaused (a no-op when the job is there already)
            redis.hset(keys.control(job), "pause", "1");
        }
        boolean created = create(layout);
        listener.jobReady(job, created);
        Map<Integer, Long> queued = queued(job, layout.shards().stream().map(JobLayout.ShardLayout::index).toList());
        long total = layout.shards().stream().mapToLong(JobLayout.ShardLayout::tasks).sum();
        long inQueue = queued.values().stream().mapToLong(Long::longValue).sum();
        List<String> batch = new ArrayList<>();
        int added = 0;
        for (JobLayout.ShardLayout shard : layout.shards()) {
            long from = queued.getOrDefault(shard.index(), 0L);
            if (from >= shard.tasks()) {
                continue;
            }
            List<Task> tasks = source.of(shard.index());
            if (tasks.size() != shard.tasks()) {
                throw new IllegalStateException("shard " + shard.index() + " of " + job + " has " + tasks.size() + " tasks, its plan says " + shard.tasks());
            }
            for (int n = (int) from; n < tasks.size(); n++) {
                Task task = tasks.get(n);
                if (!task.job().equals(job) || task.shard() != shard.index()) {
                    throw new IllegalArgumentException("task " + task.id() + " of job " + task.job() + " is not of shard " + shard.index() + " of " + job);
                }
                batch.addAll(List.of(Integer.toString(shard.index()), Integer.toString(n), task.priority().name(), signer.sign(task).toJson()));
                if (batch.size() / 4 >= settings.batchSize()) {
                    int now = enqueue(job, batch);
                    added += now;
                    inQueue += now;
                    listener.tasksAdded(job, now, inQueue, total);
                }
            }
        }
        if (!batch.isEmpty()) {
            int now = enqueue(job, batch);
            added += now;
            listener.tasksAdded(job, now, inQueue + now, total);
        }
        return new QueueFill(created, added, total);
    }

    private boolean create(JobLayout layout) {
        String job = layout.jobId();
        List<String> args = new ArrayList<>(List.of(job, layout.planTag(), layout.recipe(), layout.priority().name(),
                Long.toString(layout.keepSeconds()), Long.toString(layout.created()), layout.startState().name(),
                Long.toString(settings.resultsMaxLen()), keys.events().channelPrefix(), EventJson.write(Event.jobStarted(job, layout.counts()))));
        for (JobLayout.ShardLayout shard : layout.shards()) {
            args.addAll(List.of(Integer.toString(shard.index()), Integer.toString(shard.tasks()), Long.toString(shard.images()),
                    shard.finished() ? "1" : "0", Long.toString(shard.done()), Long.toString(shard.failed())));
        }
        long answer = (Long) DispatchScripts.CREATE_JOB.run(redis, List.of(keys.job(job), keys.shards(job), keys.settled(job),
                keys.jobs(), keys.events().results()), args);
        if (answer < 0) {
            throw new IllegalStateException(layout.planTag().isEmpty()
                    ? "job " + job + " was submitted before"
                    : "job " + job + " exists in Redis from another plan (an earlier job with this id); submit with another id");
        }
        return answer == 1;
    }

    /** Adds one batch (cleared after); the script skips what went in already. */
    private int enqueue(String job, List<String> batch) {
        long answer = (Long) DispatchScripts.ENQUEUE.run(redis, List.of(keys.job(job), keys.shards(job), keys.tasks(Priority.HIGH),
                keys.tasks(Priority.NORMAL)), batch);
        batch.clear();
        if (answer < 0) {
            throw new IllegalStateException("Redis lost job " + job + " while its tasks were being added; submit it again (or let the coordinator rebuild it)");
        }
        return (int) answer;
    }

    /** Per shard, how many of its tasks ever went on a stream. */
    Map<Integer, Long> queued(String job, List<Integer> shards) {
        List<String> values = shards.isEmpty() ? List.of() : redis.hmget(keys.shards(job), fields(shards));
        return counts(shards, values);
    }

    QueueLook look(String job, List<Integer> shards) {
        Response<List<String>> hash;
        Response<List<String>> cursors = null;
        try (AbstractPipeline pipeline = redis.pipelined()) {
            hash = pipeline.hmget(keys.job(job), "state", "plan", "tasks", "tasksDone", "cancelled", "dead");
            if (!shards.isEmpty()) {
                cursors = pipeline.hmget(keys.shards(job), fields(shards));
            }
            pipeline.sync();
        }
        List<String> h = hash.get();
        if (h.getFirst() == null) {
            return QueueLook.missing();
        }
        long tasks = number(h.get(2));
        boolean settled = number(h.get(3)) + number(h.get(4)) + number(h.get(5)) >= tasks;
        return new QueueLook(true, JobState.valueOf(h.getFirst()), h.get(1), settled,
                counts(shards, cursors == null ? List.of() : cursors.get()));
    }

    private static String[] fields(List<Integer> shards) {
        return shards.stream().map(shard -> shard + ":queued").toArray(String[]::new);
    }

    private static Map<Integer, Long> counts(List<Integer> shards, List<String> values) {
        Map<Integer, Long> counts = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            counts.put(shards.get(i), number(values.get(i)));
        }
        return counts;
    }

    private static long number(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}
