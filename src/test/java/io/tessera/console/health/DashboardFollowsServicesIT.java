package io.tessera.console.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.TestContexts;
import io.tessera.engine.ServiceKind;
import io.tessera.engine.cluster.MultiNodeHdfs;
import io.tessera.engine.cluster.StoppableRedis;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.engine.health.Alert;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.SecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard follows real servers going down and coming back: a Redis of its own stopped and started, the ZooKeeper
 * leader of a three-server ensemble killed and restarted, and one of three DataNodes killed (SIGKILL of its JVM) and
 * started again. Each time the Health panel's model shows the service or member in trouble with the reason, raises an
 * alert naming it, and recovers by itself. A killed DataNode is only "stale" after the cluster's stale interval of
 * silence ({@link MultiNodeHdfs#STALE_MILLIS}, in the profile's Hadoop files as a cluster's hdfs-site.xml gives it);
 * the Redis and ZooKeeper faults run meanwhile.
 */
class DashboardFollowsServicesIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path home;

    @Test
    void theDashboardFollowsRedisZooKeeperAndADataNodeDownAndUpAgain() throws Exception {
        if (System.getProperty("zookeeper.4lw.commands.whitelist") == null) {
            System.setProperty("zookeeper.4lw.commands.whitelist", "srvr,ruok,mntr");
        }
        Path base = Path.of(System.getProperty("tessera.test.tmp", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(base);
        Path servers = Files.createTempDirectory(base, "dashboard-");
        try (TestingCluster ensemble = new TestingCluster(3);
             StoppableRedis redis = new StoppableRedis(servers);
             MultiNodeHdfs hdfs = MultiNodeHdfs.start(servers.resolve("hdfs"), 1, 2)) {
            ensemble.start();
            redis.start();
            TestContexts app = new TestContexts(home);
            SecretStore secrets = SecretStore.inDirectories(app.dirs);
            app.context.session().activate(new ConnectionProfile("Three nodes", ConnectionProfile.Kind.CLUSTER,
                    new ConnectionProfile.HdfsSettings(hdfs.uri(), hdfs.clientConfDir().toString(), null),
                    new ConnectionProfile.ZooKeeperSettings(ensemble.getConnectString(), "/tessera", null, null),
                    new ConnectionProfile.RedisSettings(redis.uri(), null, secrets.put(redis.password().toCharArray()), false)));
            HealthViewModel health = app.context.health();
            DashboardModel dashboard = health.dashboard();

            // (a server that is still joining answers "not serving requests" for a moment: wait until all three serve)
            app.pulseUntil(PATIENCE, () -> health.dataNodes().size() == 3 && health.dataNodes().stream().allMatch(n -> n.state().equals("live"))
                    && health.zooKeeperServers().size() == 3 && health.zooKeeperServers().stream().noneMatch(ServiceRows.ZooKeeperRow::bad)
                    && !health.redisFacts().isEmpty());
            assertEquals(List.of("follower", "follower", "leader"), health.zooKeeperServers().stream().map(ServiceRows.ZooKeeperRow::mode).sorted().toList());
            assertTrue(health.hdfsFacts().stream().anyMatch(f -> f.getKey().equals("Blocks") && f.getValue().contains("0 missing")), health.hdfsFacts().toString());
            assertTrue(dashboard.alerts().stream().noneMatch(a -> a.severity() == Alert.Severity.CRITICAL), dashboard.alerts().toString());

            // A DataNode is killed first: it only turns stale after the stale interval without heartbeats, so the other faults run meanwhile.
            hdfs.killDataNodeProcess(0);

            // Redis stops: down with the reason, a critical alert; started again: up, the alert gone.
            redis.stop();
            app.pulseUntil(PATIENCE, () -> state(app, ServiceKind.REDIS) == ServiceHealth.State.DOWN && alerted(dashboard, "Redis", "down"));
            assertTrue(health.redisFacts().isEmpty(), "no stale Redis figures while it is down");
            redis.start();
            app.pulseUntil(PATIENCE, () -> state(app, ServiceKind.REDIS) == ServiceHealth.State.UP && !alerted(dashboard, "Redis", "down")
                    && !health.redisFacts().isEmpty());

            // The ZooKeeper leader dies: its row says so, an alert names it; the ensemble elects another and the old one rejoins.
            String leader = health.zooKeeperServers().stream().filter(r -> r.mode().equals("leader")).findFirst().orElseThrow().address();
            InstanceSpec leaderSpec = ensemble.getInstances().stream().filter(i -> leader.endsWith(":" + i.getPort())).findFirst().orElseThrow();
            ensemble.killServer(leaderSpec);
            app.pulseUntil(PATIENCE, () -> health.zooKeeperServers().stream().anyMatch(r -> r.address().equals(leader) && r.mode().startsWith("down") && r.bad())
                    && alerted(dashboard, "ZooKeeper", leader));
            ensemble.restartServer(leaderSpec);
            app.pulseUntil(PATIENCE, () -> health.zooKeeperServers().stream().noneMatch(ServiceRows.ZooKeeperRow::bad)
                    && health.zooKeeperServers().stream().filter(r -> r.mode().equals("leader")).count() == 1
                    && !alerted(dashboard, "ZooKeeper", leader));

            // The killed DataNode: stale, with an alert; started again, it is live.
            app.pulseUntil(PATIENCE, () -> health.dataNodes().stream().anyMatch(n -> n.state().startsWith("stale") && n.bad())
                    && alerted(dashboard, "HDFS", "missed its heartbeats"));
            hdfs.restartDataNodeProcess(0);
            app.pulseUntil(PATIENCE, () -> health.dataNodes().stream().filter(n -> n.state().equals("live")).count() == 3
                    && !alerted(dashboard, "HDFS", "heartbeats"));
            assertTrue(dashboard.history().points(ChartedFigures.NAMENODE_MS).size() >= 3, "the charts' history filled meanwhile");
            app.context.session().shutdown(() -> { });
        }
    }

    private static ServiceHealth.State state(TestContexts app, ServiceKind service) {
        return app.context.session().health().healthProperty(service).get().state();
    }

    private static boolean alerted(DashboardModel dashboard, String source, String text) {
        return dashboard.alerts().stream().anyMatch(a -> a.source().equals(source) && a.message().contains(text));
    }
}
