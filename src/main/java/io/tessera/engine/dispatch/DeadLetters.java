package io.tessera.engine.dispatch;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/** The dead-letter stream: listing a job's dead tasks and putting them back to work. */
final class DeadLetters {
    private static final int PAGE = 500;

    private final UnifiedJedis redis;
    private final DispatchKeys keys;

    DeadLetters(UnifiedJedis redis, DispatchKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** The stream holds every job's dead letters; it is short in practice, so it is scanned page by page. */
    List<DeadLetter> of(String job) {
        List<DeadLetter> found = new ArrayList<>();
        String start = "-";
        while (true) {
            List<StreamEntry> page = redis.xrange(keys.dead(), start, "+", PAGE);
            for (StreamEntry entry : page) {
                if (job.equals(entry.getFields().get("job"))) {
                    found.add(new DeadLetter(entry.getID().toString(), Task.fromJson(entry.getFields().get("task")),
                            entry.getFields().get("error"), entry.getFields().get("worker")));
                }
            }
            if (page.size() < PAGE) {
                return found;
            }
            start = "(" + page.getLast().getID();
        }
    }

    /** Back to their streams with attempt 1 (the last error kept for the record); returns how many went. */
    int requeue(String job) {
        int requeued = 0;
        for (DeadLetter letter : of(job)) {
            Task fresh = letter.task().withAttempt(1, letter.task().lastError());
            Object done = DispatchScripts.REQUEUE.run(redis,
                    List.of(keys.dead(), keys.tasks(fresh.priority()), keys.job(job), keys.settled(job), keys.shards(job), keys.control(job)),
                    List.of(letter.id(), fresh.id(), fresh.toJson(), Integer.toString(fresh.shard())));
            requeued += ((Long) done).intValue();
        }
        return requeued;
    }
}
