package io.tessera.engine.dispatch;

import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** Creates the task streams and their consumer group when missing (first use, or a Redis that lost its data). */
final class StreamGroups {
    private StreamGroups() {}

    static void ensure(UnifiedJedis redis, DispatchKeys keys) {
        for (Priority priority : Priority.values()) {
            try {
                // From id 0, not "$": tasks added before the group existed must be read too.
                redis.xgroupCreate(keys.tasks(priority), DispatchKeys.GROUP, new StreamEntryID(0, 0), true);
            } catch (JedisDataException e) {
                if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                    throw e;
                }
            }
        }
    }

    static boolean isMissingGroup(JedisDataException e) {
        return e.getMessage() != null && e.getMessage().startsWith("NOGROUP");
    }
}
