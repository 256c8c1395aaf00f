package io.tessera.engine.dispatch;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XClaimParams;

/**
 * The entries this consumer holds (running, queued for a handler, waiting for a paused job, or waiting
 * to be acknowledged). Refreshing them with XCLAIM … JUSTID to ourselves resets their idle time without
 * counting a delivery, so the reclaimer only takes tasks from workers that stopped, not from slow ones.
 */
final class Leases {
    private static final int CHUNK = 200;

    private final UnifiedJedis redis;
    private final DispatchKeys keys;
    private final String consumer;
    private final Map<Priority, Set<StreamEntryID>> held = Map.of(
            Priority.HIGH, ConcurrentHashMap.newKeySet(), Priority.NORMAL, ConcurrentHashMap.newKeySet());

    Leases(UnifiedJedis redis, DispatchKeys keys, String consumer) {
        this.redis = redis;
        this.keys = keys;
        this.consumer = consumer;
    }

    void hold(Delivery delivery) {
        held.get(delivery.stream()).add(delivery.entry());
    }

    void release(Delivery delivery) {
        held.get(delivery.stream()).remove(delivery.entry());
    }

    int size() {
        return held.values().stream().mapToInt(Set::size).sum();
    }

    void refresh() {
        claimAll(XClaimParams.xClaimParams());
    }

    /**
     * Gives every held entry back: they stay with this consumer in the group, but marked idle for {@code idleMillis},
     * so any other consumer's next reclaim pass takes them instead of waiting out the visibility timeout. Counts as
     * no delivery (JUSTID); the reclaim that takes one does, as for a worker that died. Returns how many were held.
     */
    int handBack(long idleMillis) {
        int count = size();
        claimAll(XClaimParams.xClaimParams().idle(idleMillis));
        held.values().forEach(Set::clear);
        return count;
    }

    private void claimAll(XClaimParams params) {
        for (Priority priority : Priority.values()) {
            List<StreamEntryID> ids = List.copyOf(held.get(priority));
            for (int from = 0; from < ids.size(); from += CHUNK) {
                StreamEntryID[] chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray(StreamEntryID[]::new);
                redis.xclaimJustId(keys.tasks(priority), DispatchKeys.GROUP, consumer, 0, params, chunk);
            }
        }
    }
}
