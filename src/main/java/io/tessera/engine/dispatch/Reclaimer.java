package io.tessera.engine.dispatch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * Takes over tasks whose worker stopped answering: entries of any consumer idle past the visibility timeout
 * (live workers refresh theirs, see {@link Leases}) are claimed with XAUTOCLAIM. Each claim counts as a
 * delivery; the attempt of a reclaimed task is its own count plus the deliveries lost before.
 */
final class Reclaimer {
    private final RedisClient redis;
    private final DispatchKeys keys;
    private final String consumer;
    private final long minIdleMillis;
    private final TaskReader reader;
    private final Map<Priority, StreamEntryID> cursors = new EnumMap<>(Priority.class);

    Reclaimer(RedisClient redis, DispatchKeys keys, String consumer, long minIdleMillis, TaskReader reader) {
        this.reader = reader;
        this.redis = redis;
        this.keys = keys;
        this.consumer = consumer;
        this.minIdleMillis = minIdleMillis;
    }

    List<Delivery> reclaim(int room) {
        List<Delivery> claimed = new ArrayList<>();
        for (Priority priority : Priority.BY_URGENCY) {
            if (claimed.size() >= room) {
                break;
            }
            String stream = keys.tasks(priority);
            var answer = redis.xautoclaim(stream, DispatchKeys.GROUP, consumer, minIdleMillis,
                    cursors.getOrDefault(priority, new StreamEntryID(0, 0)), XAutoClaimParams.xAutoClaimParams().count(room - claimed.size()));
            // the cursor walks the pending list across passes; 0-0 means it went round
            cursors.put(priority, answer.getKey());
            List<StreamEntry> entries = answer.getValue().stream().filter(e -> e != null && e.getFields() != null).toList();
            List<Long> deliveries = deliveryCounts(stream, entries);
            for (int i = 0; i < entries.size(); i++) {
                int lost = (int) Math.max(0, deliveries.get(i) - 1);
                Delivery delivery = reader.parse(priority, entries.get(i), lost);
                if (delivery != null) {
                    claimed.add(delivery);
                }
            }
        }
        return claimed;
    }

    /** XAUTOCLAIM does not say how often an entry was delivered; XPENDING does (one pipelined call per entry). */
    private List<Long> deliveryCounts(String stream, List<StreamEntry> entries) {
        List<Response<List<StreamPendingEntry>>> answers = new ArrayList<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (StreamEntry entry : entries) {
                answers.add(pipeline.xpending(stream, DispatchKeys.GROUP, XPendingParams.xPendingParams(entry.getID(), entry.getID(), 1)));
            }
            pipeline.sync();
        }
        return answers.stream().map(a -> a.get().isEmpty() ? 1L : a.get().getFirst().getDeliveredTimes()).toList();
    }
}
