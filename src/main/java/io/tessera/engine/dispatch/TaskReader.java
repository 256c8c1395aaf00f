package io.tessera.engine.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Reads new tasks for one consumer of the group, high priority first: the high stream is drained before
 * the normal one is read at all; only when both are empty does it block on both.
 */
final class TaskReader {
    private static final Logger LOG = LoggerFactory.getLogger(TaskReader.class);

    private final UnifiedJedis redis;
    private final DispatchKeys keys;
    private final String consumer;
    private final long deadMaxLen;
    private final TaskSigner verifier;

    TaskReader(UnifiedJedis redis, DispatchKeys keys, String consumer, long deadMaxLen, TaskSigner verifier) {
        this.verifier = verifier;
        this.redis = redis;
        this.keys = keys;
        this.consumer = consumer;
        this.deadMaxLen = deadMaxLen;
    }

    List<Delivery> read(int room, int blockMillis) {
        List<Delivery> got = new ArrayList<>();
        for (Priority priority : Priority.BY_URGENCY) {
            if (got.size() < room) {
                got.addAll(read(List.of(priority), XReadGroupParams.xReadGroupParams().count(room - got.size())));
            }
        }
        if (got.isEmpty()) {
            got.addAll(read(List.of(Priority.BY_URGENCY), XReadGroupParams.xReadGroupParams().count(room).block(blockMillis)));
        }
        return got;
    }

    private List<Delivery> read(List<Priority> priorities, XReadGroupParams params) {
        Map<String, StreamEntryID> streams = new LinkedHashMap<>();
        priorities.forEach(p -> streams.put(keys.tasks(p), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        var answer = redis.xreadGroup(DispatchKeys.GROUP, consumer, params, streams);
        List<Delivery> deliveries = new ArrayList<>();
        if (answer == null) {
            return deliveries;
        }
        for (Map.Entry<String, List<StreamEntry>> stream : answer) {
            Priority priority = stream.getKey().equals(keys.tasks(Priority.HIGH)) ? Priority.HIGH : Priority.NORMAL;
            for (StreamEntry entry : stream.getValue()) {
                Delivery delivery = parse(priority, entry, 0);
                if (delivery != null) {
                    deliveries.add(delivery);
                }
            }
        }
        return deliveries;
    }

    /**
     * The delivery of one entry, on attempt {@code task.attempt + lostDeliveries}. An entry that is not a task, or a
     * task that is not authentic (the verifier's refusal), cannot be run or counted: it moves to the dead letters as it
     * is, with the reason, and null is returned.
     */
    Delivery parse(Priority priority, StreamEntry entry, int lostDeliveries) {
        String json = entry.getFields() == null ? null : entry.getFields().get("task");
        Task task;
        try {
            task = Task.fromJson(json);
        } catch (RuntimeException unreadable) {
            LOG.warn("Task entry {} of {} is not a task; moved to the dead letters: {}", entry.getID(), keys.tasks(priority), unreadable.getMessage());
            setAside(priority, entry, "", json, "unreadable task: " + unreadable.getMessage());
            return null;
        }
        String refusal = verifier.refusal(task);
        if (refusal != null) {
            LOG.warn("Task entry {} of {} (job {}, task {}) refused: {}; moved to the dead letters", entry.getID(), keys.tasks(priority),
                    task.job(), task.id(), refusal);
            setAside(priority, entry, task.job(), json, "refused by worker " + consumer + ": " + refusal);
            return null;
        }
        return new Delivery(priority, entry.getID(), lostDeliveries == 0 ? task : task.withAttempt(task.attempt() + lostDeliveries, task.lastError()));
    }

    private void setAside(Priority priority, StreamEntry entry, String job, String json, String reason) {
        DeadLetters.setAside(redis, keys, deadMaxLen, keys.tasks(priority), entry.getID(), job, json, reason);
    }
}
