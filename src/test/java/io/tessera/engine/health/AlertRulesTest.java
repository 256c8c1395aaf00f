package io.tessera.engine.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.engine.membership.LiveFigures;
import io.tessera.engine.membership.WorkerInfo;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
    private static final long GB = 1L << 30;
    private final AlertRules rules = new AlertRules(Thresholds.DEFAULT);
    private final Instant now = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aHealthyClusterRaisesNothing() {
        assertEquals(List.of(), rules.evaluate(health(hdfs(List.of(live("dn1")), 0, 0, 0, false, 50 * GB), zk(leader("zk1")), redis(null, null)),
                List.of(worker("w1", now.minusSeconds(2))), now));
    }

    @Test
    void eachProblemIsNamedWithItsReasonAndTheCriticalOnesComeFirst() {
        List<Alert> alerts = rules.evaluate(health(
                hdfs(List.of(live("dn1"), new DataNodeFigures("dn2", DataNodeFigures.State.STALE, 100 * GB, 10 * GB, 90 * GB, 45, 1)), 3, 2, 0, true, 4 * GB),
                zk(leader("zk1"), ZooKeeperMember.unanswered("zk2:2181", "down: connection refused")),
                redis("the last snapshot failed (rdb_last_bgsave_status err)", "10.0.0.1:6379 down")),
                List.of(worker("w1", now.minusSeconds(2)), worker("w2", now.minusSeconds(95))), now);
        List<String> text = alerts.stream().map(Alert::toString).toList();
        assertTrue(text.contains("HDFS: only 4.0 % of capacity is free"), text.toString());
        assertTrue(text.contains("HDFS: the NameNode is in safe mode: HDFS is read-only"), text.toString());
        assertTrue(text.contains("HDFS: 2 missing block(s): files cannot be read in full"), text.toString());
        assertTrue(text.contains("HDFS: 3 under-replicated block(s)"), text.toString());
        assertTrue(text.contains("HDFS: DataNode dn2 missed its heartbeats for 45 s"), text.toString());
        assertTrue(text.contains("HDFS: DataNode dn2 has 1 failed volume(s)"), text.toString());
        assertTrue(text.contains("ZooKeeper: server zk2:2181 down: connection refused"), text.toString());
        assertTrue(text.contains("Redis: the last snapshot failed (rdb_last_bgsave_status err)"), text.toString());
        assertTrue(text.contains("Redis: this replica's link to its primary is down (10.0.0.1:6379 down)"), text.toString());
        assertTrue(text.contains("Workers: worker w2 has not reported for 95 s"), text.toString());
        assertEquals(10, alerts.size(), text.toString());
        int firstWarning = alerts.indexOf(alerts.stream().filter(a -> a.severity() == Alert.Severity.WARNING).findFirst().orElseThrow());
        assertTrue(firstWarning > 0 && alerts.subList(0, firstWarning).stream().allMatch(a -> a.severity() == Alert.Severity.CRITICAL), text.toString());
        assertTrue(alerts.stream().filter(a -> a.message().startsWith("only 4.0")).allMatch(a -> a.severity() == Alert.Severity.CRITICAL));
    }

    @Test
    void tasksWaitingWithNoWorkerRegisteredRaiseAWarning() {
        var healthy = health(hdfs(List.of(live("dn1")), 0, 0, 0, false, 50 * GB), zk(leader("zk1")), redis(null, null));
        assertEquals(List.of(new Alert(Alert.Severity.WARNING, "Workers",
                        "12 task(s) wait and no worker is registered: start one (tessera worker) or turn the console's own on")),
                rules.evaluate(healthy, List.of(), 12, now));
        assertEquals(List.of(), rules.evaluate(healthy, List.of(), 0, now), "nothing waits");
        assertEquals(List.of(), rules.evaluate(healthy, null, 12, now), "workers not read: ZooKeeper's own alert says why");
        assertEquals(List.of(), rules.evaluate(healthy, List.of(), -1, now), "queue not read");
    }

    @Test
    void aServiceThatIsDownIsCriticalWithItsReason() {
        Map<ServiceKind, ServiceHealth> health = new EnumMap<>(ServiceKind.class);
        health.put(ServiceKind.REDIS, ServiceHealth.down(ServiceKind.REDIS, "Redis: connection refused at 127.0.0.1:6379", 3));
        assertEquals(List.of(new Alert(Alert.Severity.CRITICAL, "Redis", "down: connection refused at 127.0.0.1:6379")),
                rules.evaluate(health, null, now));
    }

    @Test
    void zooKeeperWordsThatAreNotAllowedAreNoAlert() {
        assertEquals(List.of(), rules.evaluate(health(null,
                zk(ZooKeeperMember.unanswered("zk1:2181", "answers, but its four-letter words mntr and srvr are not allowed")), null), null, now));
    }

    private static Map<ServiceKind, ServiceHealth> health(HdfsFigures hdfs, ZooKeeperFigures zk, RedisFigures redis) {
        Map<ServiceKind, ServiceHealth> health = new EnumMap<>(ServiceKind.class);
        if (hdfs != null) {
            health.put(ServiceKind.HDFS, up(ServiceKind.HDFS, hdfs));
        }
        if (zk != null) {
            health.put(ServiceKind.ZOOKEEPER, up(ServiceKind.ZOOKEEPER, zk));
        }
        if (redis != null) {
            health.put(ServiceKind.REDIS, up(ServiceKind.REDIS, redis));
        }
        return health;
    }

    private static ServiceHealth up(ServiceKind kind, ServiceDetail figures) {
        return new ServiceHealth(kind, ServiceHealth.State.UP, "up", Map.of(), 5, Instant.now(), figures);
    }

    private static HdfsFigures hdfs(List<DataNodeFigures> nodes, long under, long missing, long corrupt, boolean safeMode, long free) {
        return new HdfsFigures(100 * GB, 100 * GB - free, free, nodes, null, under, missing, corrupt, safeMode, 4);
    }

    private static DataNodeFigures live(String name) {
        return new DataNodeFigures(name, DataNodeFigures.State.LIVE, 100 * GB, 10 * GB, 90 * GB, 1, 0);
    }

    private static ZooKeeperFigures zk(ZooKeeperMember... members) {
        return new ZooKeeperFigures(List.of(members));
    }

    private static ZooKeeperMember leader(String address) {
        return new ZooKeeperMember(address, "leader", null, "3.9.3", 0.5, 12, 0, 120, 8, 4);
    }

    private static RedisFigures redis(String persistenceProblem, String masterLink) {
        return new RedisFigures(masterLink == null ? "primary" : "replica", List.of(), masterLink, 5 << 20, 6 << 20, 0, 1.2, 4, 2, 120,
                Map.of("db0", 42L), "append-only file", persistenceProblem, List.of());
    }

    private WorkerInfo worker(String id, Instant reported) {
        return new WorkerInfo(id, "host", 1, 2, "0.1", now.minusSeconds(600), new LiveFigures(0, 10, 0, 100, 1.0, reported));
    }
}
