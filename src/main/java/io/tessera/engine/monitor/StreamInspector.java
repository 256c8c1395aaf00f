package io.tessera.engine.monitor;

import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.StreamConsumerInfo;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamGroupInfo;
import redis.clients.jedis.resps.StreamInfo;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * Reads streams for the monitor: stream keys under a prefix (SCAN … TYPE stream) with XINFO STREAM, their consumer
 * groups (XINFO GROUPS), a group's consumers (XINFO CONSUMERS), its pending entries a page at a time (XPENDING,
 * extended form), and the dispatch queue's health in one line. Read-only; a key deleted meanwhile is left out.
 */
public final class StreamInspector {
    public static final String DEFAULT_PREFIX = DispatchKeys.DEFAULT.prefix();
    /** SCAN calls (of COUNT 1,000) one listing makes at most, so a huge keyspace costs a bounded time. */
    static final int SCAN_ROUNDS = 200;
    /** Pending entries looked at for the oldest idle time in the health line. */
    static final int HEALTH_PENDING_LIMIT = 5_000;

    private final UnifiedJedis redis;

    public StreamInspector(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** Stream keys starting with {@code prefix} (sorted, at most {@code limit}), each with its XINFO STREAM figures. */
    public List<StreamSummary> streams(String prefix, int limit) {
        String match = globEscape(prefix == null ? "" : prefix) + "*";
        Set<String> keys = new java.util.TreeSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        for (int round = 0; round < SCAN_ROUNDS; round++) {
            ScanResult<String> page = redis.scan(cursor, new ScanParams().match(match).count(1_000), "stream");
            keys.addAll(page.getResult());
            cursor = page.getCursor();
            if (cursor.equals(ScanParams.SCAN_POINTER_START) || keys.size() >= limit) {
                break;
            }
        }
        List<StreamSummary> out = new ArrayList<>();
        for (String key : keys) {
            if (out.size() == limit) {
                break;
            }
            StreamSummary summary = stream(key);
            if (summary != null) {
                out.add(summary);
            }
        }
        return out;
    }

    /** XINFO STREAM of one key, or null when there is no such stream. */
    public StreamSummary stream(String key) {
        try {
            StreamInfo info = redis.xinfoStream(key);
            return new StreamSummary(key, info.getLength(), id(info.getFirstEntry()), id(info.getLastEntry()),
                    info.getLastGeneratedId() == null ? null : info.getLastGeneratedId().toString(), info.getGroups());
        } catch (JedisDataException noSuchKey) {
            return null;
        }
    }

    /** The stream's consumer groups; none when the key is gone. */
    public List<GroupSummary> groups(String key) {
        try {
            return redis.xinfoGroups(key).stream().map(StreamInspector::group).toList();
        } catch (JedisDataException noSuchKey) {
            return List.of();
        }
    }

    private static GroupSummary group(StreamGroupInfo g) {
        Object lag = g.getGroupInfo().get("lag");
        return new GroupSummary(g.getName(), g.getConsumers(), g.getPending(),
                g.getLastDeliveredId() == null ? null : g.getLastDeliveredId().toString(), lag instanceof Long l ? l : null);
    }

    /** The group's consumers; none when the key or the group is gone. */
    public List<ConsumerSummary> consumers(String key, String group) {
        try {
            return redis.xinfoConsumers2(key, group).stream().map(StreamInspector::consumer).toList();
        } catch (JedisDataException noSuchGroup) {
            return List.of();
        }
    }

    private static ConsumerSummary consumer(StreamConsumerInfo c) {
        return new ConsumerSummary(c.getName(), c.getPending(), Duration.ofMillis(c.getIdle()));
    }

    /**
     * Pending entries of the group in id order, after {@code afterId} (null: from the start), at most {@code count},
     * of one consumer or of all (null).
     */
    public PendingPage pending(String key, String group, String afterId, int count, String consumer) {
        if (count < 1) {
            throw new IllegalArgumentException("a page holds at least one entry");
        }
        XPendingParams params = XPendingParams.xPendingParams(afterId == null ? "-" : "(" + afterId, "+", count);
        if (consumer != null) {
            params.consumer(consumer);
        }
        List<StreamPendingEntry> raw;
        try {
            raw = redis.xpending(key, group, params);
        } catch (JedisDataException noSuchGroup) {
            return new PendingPage(List.of(), null);
        }
        List<PendingEntry> entries = raw.stream()
                .map(e -> new PendingEntry(e.getID().toString(), e.getConsumerName(), Duration.ofMillis(e.getIdleTime()), e.getDeliveredTimes()))
                .toList();
        return new PendingPage(entries, entries.size() < count ? null : entries.getLast().id());
    }

    /** The health of the dispatch queue under {@code keys}, with pending entries "old" after {@link #defaultStaleAfter()}. */
    public QueueHealth queueHealth(DispatchKeys keys) {
        return queueHealth(keys, defaultStaleAfter());
    }

    /**
     * Half the default visibility timeout (30 s): a live consumer renews its entries' leases every third of it, so an
     * entry idle this long belongs to a consumer that has probably stopped.
     */
    public static Duration defaultStaleAfter() {
        return DispatchSettings.defaults().visibilityTimeout().dividedBy(2);
    }

    public QueueHealth queueHealth(DispatchKeys keys, Duration staleAfter) {
        List<StreamQueue> queues = new ArrayList<>();
        Set<String> consumers = new LinkedHashSet<>();
        for (Priority priority : List.of(Priority.NORMAL, Priority.HIGH)) {
            String key = keys.tasks(priority);
            String name = key.substring(keys.prefix().length());
            long length = redis.xlen(key);
            GroupSummary group = groups(key).stream().filter(g -> g.name().equals(DispatchKeys.GROUP)).findFirst().orElse(null);
            if (group == null) {
                queues.add(new StreamQueue(name, length, 0, null, false));
                continue;
            }
            consumers(key, DispatchKeys.GROUP).forEach(c -> consumers.add(c.name()));
            long waiting = group.lag() != null ? group.lag() : Math.max(0, length - group.pending());
            queues.add(new StreamQueue(name, waiting, group.pending(), group.pending() == 0 ? null : oldestIdle(key), true));
        }
        return new QueueHealth(queues, consumers.size(), redis.zcard(keys.retry()), redis.xlen(keys.dead()), staleAfter);
    }

    /** The longest idle time among the first pending entries (leases are renewed, so idle is not in id order). */
    private Duration oldestIdle(String key) {
        long longest = -1;
        String after = null;
        int seen = 0;
        while (seen < HEALTH_PENDING_LIMIT) {
            PendingPage page = pending(key, DispatchKeys.GROUP, after, 500, null);
            for (PendingEntry e : page.entries()) {
                longest = Math.max(longest, e.idle().toMillis());
            }
            seen += page.entries().size();
            if (page.nextAfter() == null) {
                break;
            }
            after = page.nextAfter();
        }
        return longest < 0 ? null : Duration.ofMillis(longest);
    }

    private static String id(StreamEntry entry) {
        return entry == null ? null : entry.getID().toString();
    }

    /** A key prefix as a SCAN glob: the special characters of the prefix itself match only themselves. */
    static String globEscape(String literal) {
        return literal.replaceAll("([\\\\*?\\[\\]])", "\\\\$1");
    }
}
