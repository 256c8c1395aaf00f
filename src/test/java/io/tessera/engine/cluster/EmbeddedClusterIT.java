package io.tessera.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.ServiceKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;

/** The embedded cluster's three real servers: a round trip on each, and data kept across a restart. */
class EmbeddedClusterIT {

    @TempDir
    java.nio.file.Path dir;

    @Test
    void dataWrittenToEachServiceSurvivesARestart() throws Exception {
        Map<ServiceKind, StartupListener.Phase> lastPhase = new ConcurrentHashMap<>();
        StartupListener recorder = (service, phase, detail) -> lastPhase.put(service, phase);

        try (EmbeddedCluster cluster = EmbeddedCluster.start(LocalClusterSettings.freePorts(dir), recorder)) {
            assertEquals(Map.of(ServiceKind.HDFS, StartupListener.Phase.UP, ServiceKind.ZOOKEEPER, StartupListener.Phase.UP,
                    ServiceKind.REDIS, StartupListener.Phase.UP), lastPhase);
            assertTrue(Files.exists(EmbeddedCluster.endpointsFile(cluster.dataDir())));
            ClusterEndpoints endpoints = cluster.endpoints();
            try (FileSystem fs = hdfs(endpoints); FSDataOutputStream out = fs.create(new Path("/persist/hello.txt"))) {
                out.write("hello hdfs".getBytes(StandardCharsets.UTF_8));
            }
            try (CuratorFramework zk = zooKeeper(endpoints)) {
                zk.create().creatingParentsIfNeeded().forPath("/persist/node", "hello zk".getBytes(StandardCharsets.UTF_8));
            }
            try (Jedis redis = redis(cluster)) {
                redis.set("persist", "hello redis");
            }
        }
        assertEquals(StartupListener.Phase.STOPPED, lastPhase.get(ServiceKind.REDIS));
        assertFalse(Files.exists(EmbeddedCluster.endpointsFile(dir)), "endpoints file is removed on stop");

        try (EmbeddedCluster cluster = EmbeddedCluster.start(LocalClusterSettings.freePorts(dir), StartupListener.NONE)) {
            ClusterEndpoints endpoints = cluster.endpoints();
            try (FileSystem fs = hdfs(endpoints); var in = fs.open(new Path("/persist/hello.txt"))) {
                assertEquals("hello hdfs", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            try (CuratorFramework zk = zooKeeper(endpoints)) {
                assertEquals("hello zk", new String(zk.getData().forPath("/persist/node"), StandardCharsets.UTF_8));
            }
            try (Jedis redis = redis(cluster)) {
                assertEquals("hello redis", redis.get("persist"));
            }
        }
    }

    @Test
    void aSecondClusterOnTheSameFolderIsRefusedWithAReason() throws Exception {
        try (EmbeddedCluster first = EmbeddedCluster.start(LocalClusterSettings.freePorts(dir), StartupListener.NONE)) {
            ClusterStartException e = assertThrows(ClusterStartException.class,
                    () -> EmbeddedCluster.start(LocalClusterSettings.freePorts(dir), StartupListener.NONE));
            assertTrue(e.getMessage().contains("already running"), e.getMessage());
        }
    }

    @Test
    void aTakenPortIsReportedByServiceAndNothingIsLeftRunning(@TempDir java.nio.file.Path other) throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, LoopbackPorts.LOOPBACK)) {
            List<String> failures = new CopyOnWriteArrayList<>();
            StartupListener listener = (service, phase, detail) -> {
                if (phase == StartupListener.Phase.FAILED) {
                    failures.add(service + ": " + detail);
                }
            };
            var settings = new LocalClusterSettings(other, 0, 0, taken.getLocalPort());
            ClusterStartException e = assertThrows(ClusterStartException.class, () -> EmbeddedCluster.start(settings, listener));
            assertTrue(e.getMessage().contains("Redis cannot listen on port " + taken.getLocalPort()), e.getMessage());
            assertEquals(1, failures.size(), failures.toString());
        }
        // The folder is released: a cluster with free ports starts there at once.
        try (EmbeddedCluster cluster = EmbeddedCluster.start(LocalClusterSettings.freePorts(other), StartupListener.NONE)) {
            assertTrue(cluster.endpoints().redisUri().startsWith("redis://127.0.0.1:"));
        }
    }

    static FileSystem hdfs(ClusterEndpoints endpoints) throws Exception {
        Configuration conf = new Configuration();
        conf.setBoolean("fs.hdfs.impl.disable.cache", true);
        return FileSystem.get(URI.create(endpoints.hdfsUri()), conf);
    }

    static CuratorFramework zooKeeper(ClusterEndpoints endpoints) throws Exception {
        CuratorFramework zk = CuratorFrameworkFactory.newClient(endpoints.zooKeeperConnect(), new RetryOneTime(100));
        zk.start();
        assertTrue(zk.blockUntilConnected(10, java.util.concurrent.TimeUnit.SECONDS));
        return zk;
    }

    static Jedis redis(EmbeddedCluster cluster) throws Exception {
        URI uri = URI.create(cluster.endpoints().redisUri());
        String password = Files.readString(cluster.redisPasswordFile()).strip();
        return new Jedis(new HostAndPort(uri.getHost(), uri.getPort()),
                DefaultJedisClientConfig.builder().password(password).protocol(RedisProtocol.RESP2).build());
    }
}
