package io.tessera.engine.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.Priority;
import io.tessera.testing.SharedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XReadGroupParams;

/**
 * The streams inspector on the embedded Redis, over a task stream laid out as dispatch lays it out (own prefix):
 * ten entries, the workers group, two consumers holding five, one of them delivered twice, a retry and a dead letter.
 */
class StreamInspectorIT {
    private final DispatchKeys keys = new DispatchKeys("si-" + UUID.randomUUID().toString().substring(0, 8) + ":");
    private ClusterConnection connection;
    private RedisClient redis;
    private StreamInspector inspector;
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void layOut() throws Exception {
        connection = new ClusterConnection(SharedCluster.target());
        redis = connection.redis();
        inspector = new StreamInspector(redis);
        String normal = keys.tasks(Priority.NORMAL);
        for (int i = 0; i < 10; i++) {
            ids.add(redis.xadd(normal, StreamEntryID.NEW_ENTRY, Map.of("task", "{\"n\":" + i + "}")).toString());
        }
        redis.xgroupCreate(normal, DispatchKeys.GROUP, new StreamEntryID(), false);
        redis.xreadGroup(DispatchKeys.GROUP, "w1", XReadGroupParams.xReadGroupParams().count(3), Map.of(normal, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        redis.xreadGroup(DispatchKeys.GROUP, "w2", XReadGroupParams.xReadGroupParams().count(2), Map.of(normal, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        // A second delivery of the first entry, as a reclaim makes it.
        redis.xclaim(normal, DispatchKeys.GROUP, "w1", 0, XClaimParams.xClaimParams(), new StreamEntryID(ids.getFirst()));
        redis.xadd(keys.dead(), StreamEntryID.NEW_ENTRY, Map.of("job", "j", "error", "boom"));
        redis.zadd(keys.retry(), System.currentTimeMillis() + 60_000, "NORMAL|{}");
        Thread.sleep(30); // pending entries have been idle a little
    }

    @AfterEach
    void clean() {
        var found = redis.scan(ScanParams.SCAN_POINTER_START, new ScanParams().match(keys.prefix() + "*").count(1000)).getResult();
        if (!found.isEmpty()) {
            redis.del(found.toArray(String[]::new));
        }
        connection.close();
    }

    @Test
    void streamsUnderThePrefixAreListedWithLengthAndFirstAndLastIds() {
        redis.set(keys.prefix() + "not-a-stream", "x");
        List<StreamSummary> streams = inspector.streams(keys.prefix(), 100);
        assertEquals(List.of(keys.dead(), keys.tasks(Priority.NORMAL)), streams.stream().map(StreamSummary::key).toList(), "streams only, sorted");
        StreamSummary tasks = streams.get(1);
        assertEquals(10, tasks.length());
        assertEquals(ids.getFirst(), tasks.firstId());
        assertEquals(ids.getLast(), tasks.lastId());
        assertEquals(1, tasks.groups());
        assertEquals(1, inspector.streams(keys.prefix(), 1).size(), "the limit holds");
        assertNull(inspector.stream(keys.prefix() + "gone"));
    }

    @Test
    void groupsConsumersAndPendingEntriesShowWhoHoldsWhatForHowLong() {
        String normal = keys.tasks(Priority.NORMAL);
        GroupSummary group = inspector.groups(normal).getFirst();
        assertEquals(new GroupSummary(DispatchKeys.GROUP, 2, 5, ids.get(4), 5L), group);

        List<ConsumerSummary> consumers = inspector.consumers(normal, DispatchKeys.GROUP);
        assertEquals(List.of("w1", "w2"), consumers.stream().map(ConsumerSummary::name).toList());
        assertEquals(List.of(3L, 2L), consumers.stream().map(ConsumerSummary::pending).toList());
        assertTrue(consumers.get(1).idle().toMillis() >= 20, "idle since its read: " + consumers);

        PendingPage first = inspector.pending(normal, DispatchKeys.GROUP, null, 2, null);
        assertEquals(List.of(ids.get(0), ids.get(1)), first.entries().stream().map(PendingEntry::id).toList());
        assertEquals(2, first.entries().get(0).deliveries(), "claimed once more");
        assertEquals(1, first.entries().get(1).deliveries());
        assertEquals("w1", first.entries().get(0).consumer());
        assertTrue(first.entries().get(1).idle().toMillis() >= 20, "idle time: " + first.entries());
        PendingPage second = inspector.pending(normal, DispatchKeys.GROUP, first.nextAfter(), 2, null);
        assertEquals(List.of(ids.get(2), ids.get(3)), second.entries().stream().map(PendingEntry::id).toList());
        PendingPage last = inspector.pending(normal, DispatchKeys.GROUP, second.nextAfter(), 2, null);
        assertEquals(List.of(ids.get(4)), last.entries().stream().map(PendingEntry::id).toList());
        assertNull(last.nextAfter(), "the end");
        assertEquals(List.of("w2", "w2"), inspector.pending(normal, DispatchKeys.GROUP, null, 10, "w2").entries().stream()
                .map(PendingEntry::consumer).toList(), "one consumer's entries");
        assertTrue(inspector.groups(keys.prefix() + "gone").isEmpty());
    }

    @Test
    void theQueueHealthLineSaysWhatWaitsWhatIsHeldAndWhatDied() {
        QueueHealth health = inspector.queueHealth(keys);
        Duration oldest = health.oldestPendingIdle();
        assertTrue(oldest.toMillis() >= 20, "oldest idle " + oldest);
        assertEquals(List.of("850 ms", "42 s", "3 min", "2 h"), List.of(IdleTime.text(Duration.ofMillis(850)), IdleTime.text(Duration.ofSeconds(42)),
                IdleTime.text(Duration.ofSeconds(200)), IdleTime.text(Duration.ofMinutes(150))));
        assertEquals("tasks:normal: 5 waiting, 5 pending, oldest pending idle " + IdleTime.text(oldest) + " · tasks:high: empty"
                + " · 2 consumers, 1 waiting to retry, 1 dead letter", health.summary());
        assertFalse(health.hasOldPending(), "not old after 30 s of default");
        assertTrue(inspector.queueHealth(keys, Duration.ofMillis(10)).hasOldPending(), "old after 10 ms");
        assertEquals(Duration.ofSeconds(30), health.staleAfter());
    }
}
