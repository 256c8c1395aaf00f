package io.tessera.engine.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.ServiceHealth.State;
import io.tessera.testing.SharedCluster;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import io.tessera.engine.health.DataNodeFigures;
import io.tessera.engine.health.HdfsFigures;
import io.tessera.engine.health.RedisFigures;
import io.tessera.engine.health.ZooKeeperFigures;
import io.tessera.engine.health.ZooKeeperMember;
import org.junit.jupiter.api.Test;

/** Health probes against the real embedded servers, and against servers that are wrong in every usual way. */
class HealthCheckIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** The hard deadline HealthCheck promises, plus slack for a loaded CI machine. */
    private static final long PROMISED_MS = TIMEOUT.toMillis() * 2 + 500 + 1500;

    @Test
    void aRootNotCreatedYetIsSaidSoAndLeftUncreated() throws Exception {
        ConnectionTarget shared = SharedCluster.target();
        String chroot = "/probe-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        ConnectionTarget fresh = new ConnectionTarget(shared.profileName() + "+fresh-root", shared.hdfsUri(), shared.hdfsConfDir(),
                shared.hdfsUser(), shared.zooKeeperConnect(), chroot, shared.zooKeeperDigestUser(), shared.zooKeeperDigestPassword(),
                shared.redisUri(), shared.redisUser(), shared.redisPassword(), shared.redisTls());

        ServiceHealth zk = HealthCheck.check(ServiceKind.ZOOKEEPER, fresh, TIMEOUT);
        assertEquals(State.UP, zk.state(), zk.summary());
        assertEquals(chroot + " not created yet", zk.details().get("Root"));
        try (ClusterConnection connection = new ClusterConnection(shared)) {
            assertEquals(null, connection.curator().usingNamespace(null).checkExists().forPath(chroot), "a probe creates nothing");
        }
    }

    @Test
    void allThreeServicesOfTheEmbeddedClusterAreUpWithFigures() {
        Map<ServiceKind, ServiceHealth> health = HealthCheck.checkAll(SharedCluster.target(), TIMEOUT);
        health.values().forEach(h -> assertEquals(State.UP, h.state(), h.service() + ": " + h.summary()));
        assertTrue(health.get(ServiceKind.HDFS).summary().startsWith("1 DataNode"), health.get(ServiceKind.HDFS).summary());
        assertEquals("1 live", health.get(ServiceKind.HDFS).details().get("DataNodes"));
        // the test DataNode's disk holds the machine's other files too: what the capacity counts beside used and remaining
        assertTrue(health.get(ServiceKind.HDFS).details().containsKey("Non-HDFS used"), health.get(ServiceKind.HDFS).details().toString());
        assertEquals("standalone", health.get(ServiceKind.ZOOKEEPER).details().get("Mode"));
        // the dashboard's figures ride along
        HdfsFigures hdfs = (HdfsFigures) health.get(ServiceKind.HDFS).figures();
        assertEquals(1, hdfs.dataNodes().size());
        assertEquals(DataNodeFigures.State.LIVE, hdfs.dataNodes().getFirst().state());
        assertTrue(hdfs.dataNodes().getFirst().capacity() > 0 && hdfs.dataNodes().getFirst().lastContactSeconds() < 10, hdfs.toString());
        assertEquals(0, hdfs.missingBlocks() + hdfs.corruptBlocks());
        ZooKeeperMember zk = ((ZooKeeperFigures) health.get(ServiceKind.ZOOKEEPER).figures()).members().getFirst();
        assertEquals("standalone", zk.mode());
        // watches come from mntr alone; in a JVM that ran other ZooKeeper servers mntr may lack figures and srvr fills the rest
        assertTrue(zk.znodes() > 0 && zk.connections() > 0 && zk.averageLatencyMillis() >= 0, zk.toString());
        RedisFigures redis = (RedisFigures) health.get(ServiceKind.REDIS).figures();
        assertEquals("primary", redis.role());
        assertTrue(redis.usedMemory() > 0 && redis.peakMemory() >= redis.usedMemory() && redis.clients() > 0, redis.toString());
        assertTrue(redis.persistence().startsWith("append-only file"), redis.persistence());
        assertEquals(null, redis.persistenceProblem());
        assertTrue(health.get(ServiceKind.REDIS).details().get("Version").startsWith("7."));
        assertEquals("append-only file", health.get(ServiceKind.REDIS).details().get("Persistence"));
    }

    @Test
    void aUserWhoMayNotListTheDataNodesGetsAShortCardLineAndTheReasonInTheFigures() {
        ConnectionTarget shared = SharedCluster.target();
        ConnectionTarget analyst = new ConnectionTarget(shared.profileName(), shared.hdfsUri(), null, "analyst", shared.zooKeeperConnect(),
                shared.zooKeeperChroot(), null, null, shared.redisUri(), null, shared.redisPassword(), false);
        ServiceHealth hdfs = HealthCheck.check(ServiceKind.HDFS, analyst, TIMEOUT);
        assertEquals(State.UP, hdfs.state(), hdfs.summary());
        assertEquals("not shown (HDFS superuser only)", hdfs.details().get("DataNodes"));
        HdfsFigures figures = (HdfsFigures) hdfs.figures();
        assertTrue(figures.dataNodes().isEmpty(), figures.toString());
        assertEquals("not shown: the DataNode report needs the HDFS superuser", figures.dataNodesNote());
    }

    @Test
    void aWrongRedisPasswordIsNamedAsSuch() {
        ConnectionTarget good = SharedCluster.target();
        ConnectionTarget wrong = withRedis(good, good.redisUri(), "not-the-password".toCharArray(), false);
        ServiceHealth redis = timed(() -> HealthCheck.check(ServiceKind.REDIS, wrong, TIMEOUT));
        assertEquals(State.DOWN, redis.state());
        assertEquals("Redis: the server rejected the user name or password", redis.summary());
    }

    @Test
    void aMissingRedisPasswordIsNamedAsSuch() {
        ConnectionTarget good = SharedCluster.target();
        ServiceHealth redis = timed(() -> HealthCheck.check(ServiceKind.REDIS, withRedis(good, good.redisUri(), null, false), TIMEOUT));
        assertEquals("Redis: the server asks for a password and the profile has none", redis.summary());
    }

    @Test
    void tlsAgainstAPlainRedisFailsWithAReasonWithinTheTimeout() {
        ConnectionTarget good = SharedCluster.target();
        ServiceHealth redis = timed(() -> HealthCheck.check(ServiceKind.REDIS, withRedis(good, good.redisUri(), good.redisPassword(), true), TIMEOUT));
        assertEquals(State.DOWN, redis.state());
        assertTrue(redis.summary().startsWith("Redis: "), redis.summary());
    }

    @Test
    void closedPortsAreReportedAsRefusedForEachService() throws Exception {
        int closed = closedPort();
        String host = InetAddress.getLoopbackAddress().getHostAddress();
        ConnectionTarget nowhere = new ConnectionTarget("nowhere", "hdfs://" + host + ":" + closed, null, null,
                host + ":" + closed, "/tessera", null, null, "redis://" + host + ":" + closed, null, null, false);
        Map<ServiceKind, ServiceHealth> health = timed(() -> HealthCheck.checkAll(nowhere, TIMEOUT));
        health.values().forEach(h -> assertEquals(State.DOWN, h.state(), h.service() + ": " + h.summary()));
        assertTrue(health.get(ServiceKind.REDIS).summary().contains("connection refused"), health.get(ServiceKind.REDIS).summary());
        assertTrue(health.get(ServiceKind.HDFS).summary().contains("connection refused"), health.get(ServiceKind.HDFS).summary());
        assertTrue(health.get(ServiceKind.ZOOKEEPER).summary().contains("connection refused"), health.get(ServiceKind.ZOOKEEPER).summary());
    }

    @Test
    void aZooKeeperWhoseEveryServerRefusesIsDownAtOnceNotAfterTheTimeout() throws Exception {
        int closed = closedPort();
        String host = InetAddress.getLoopbackAddress().getHostAddress();
        ConnectionTarget good = SharedCluster.target();
        ConnectionTarget refusing = withZooKeeper(good, host + ":" + closed + "," + host + ":" + closedPort());
        long began = System.nanoTime();
        ServiceHealth zk = HealthCheck.check(ServiceKind.ZOOKEEPER, refusing, Duration.ofSeconds(20));
        long ms = (System.nanoTime() - began) / 1_000_000;
        assertEquals(State.DOWN, zk.state());
        assertEquals("ZooKeeper: connection refused by " + refusing.zooKeeperConnect() + " (is the server running on that port?)", zk.summary());
        assertTrue(ms < 5_000, "took " + ms + " ms: the client's 20 s timeout was waited for");
    }

    @Test
    void oneRefusingServerOfTheConnectStringDoesNotMakeZooKeeperDown() throws Exception {
        ConnectionTarget good = SharedCluster.target();
        String host = InetAddress.getLoopbackAddress().getHostAddress();
        ServiceHealth zk = HealthCheck.check(ServiceKind.ZOOKEEPER, withZooKeeper(good, host + ":" + closedPort() + "," + good.zooKeeperConnect()), TIMEOUT);
        assertEquals(State.DEGRADED, zk.state(), zk.summary());
        assertTrue(zk.summary().contains("a server is down"), zk.summary());
    }

    @Test
    void aServerThatAcceptsButNeverAnswersIsDownWithinTheDeadline() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String where = InetAddress.getLoopbackAddress().getHostAddress() + ":" + silent.getLocalPort();
            ConnectionTarget silentTarget = new ConnectionTarget("silent", "hdfs://" + where, null, null, where, "/tessera", null, null,
                    "redis://" + where, null, null, false);
            Map<ServiceKind, ServiceHealth> health = timed(() -> HealthCheck.checkAll(silentTarget, TIMEOUT));
            health.values().forEach(h -> assertEquals(State.DOWN, h.state(), h.service() + ": " + h.summary()));
        }
    }

    @Test
    void hdfsPointedAtTheRedisPortIsDownNotHung() {
        ConnectionTarget good = SharedCluster.target();
        ConnectionTarget wrongPort = new ConnectionTarget("wrong", good.redisUri().replace("redis://", "hdfs://"), null, null,
                good.zooKeeperConnect(), "/tessera", null, null, good.redisUri(), null, good.redisPassword(), false);
        ServiceHealth hdfs = timed(() -> HealthCheck.check(ServiceKind.HDFS, wrongPort, TIMEOUT));
        assertEquals(State.DOWN, hdfs.state());
        assertTrue(hdfs.summary().startsWith("HDFS: "), hdfs.summary());
    }

    private static <T> T timed(java.util.function.Supplier<T> check) {
        long began = System.nanoTime();
        T result = check.get();
        long ms = (System.nanoTime() - began) / 1_000_000;
        assertTrue(ms < PROMISED_MS, "took " + ms + " ms, promised under " + PROMISED_MS);
        return result;
    }

    private static ConnectionTarget withRedis(ConnectionTarget t, String uri, char[] password, boolean tls) {
        return new ConnectionTarget(t.profileName(), t.hdfsUri(), t.hdfsConfDir(), t.hdfsUser(), t.zooKeeperConnect(), t.zooKeeperChroot(),
                t.zooKeeperDigestUser(), t.zooKeeperDigestPassword(), uri, t.redisUser(), password, tls);
    }

    private static ConnectionTarget withZooKeeper(ConnectionTarget t, String connect) {
        return new ConnectionTarget(t.profileName(), t.hdfsUri(), t.hdfsConfDir(), t.hdfsUser(), connect, t.zooKeeperChroot(),
                t.zooKeeperDigestUser(), t.zooKeeperDigestPassword(), t.redisUri(), t.redisUser(), t.redisPassword(), t.redisTls());
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
