package io.tessera.engine.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.cluster.RedisServerBinary;
import io.tessera.engine.health.RedisFigures;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.ConnectionProfile.HdfsSettings;
import io.tessera.engine.profile.ConnectionProfile.RedisSettings;
import io.tessera.engine.profile.ConnectionProfile.ZooKeeperSettings;
import io.tessera.engine.sim.RedisConfigs;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A profile whose Redis is a primary with a replica behind three Sentinels (real redis-servers on loopback): the engine's
 * pooled client and plain connections go to the primary; the primary is SIGKILLed, the Sentinels promote the replica,
 * and a write through the same client (and the profile's health check) reaches the new primary.
 */
class RedisSentinelIT {
    private static final String MASTER = "it-master";
    private final List<Process> servers = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stopServers() {
        servers.forEach(Process::destroyForcibly);
    }

    @Test
    @Timeout(120)
    void theClientFollowsThePrimaryThroughAFailover() throws Exception {
        String password = UUID.randomUUID().toString();
        Path binary = RedisServerBinary.locate(dir.resolve("bin"));
        int primaryPort = freePort();
        int replicaPort = freePort();
        Process primary = start(binary, RedisConfigs.server(dir.resolve("primary"), "127.0.0.1", primaryPort, password, null), "primary");
        start(binary, RedisConfigs.server(dir.resolve("replica"), "127.0.0.1", replicaPort, password, "127.0.0.1:" + primaryPort), "replica");
        List<String> sentinels = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            int port = freePort();
            Path conf = RedisConfigs.sentinel(dir.resolve("sentinel" + i), "127.0.0.1", port, password, MASTER, "127.0.0.1:" + primaryPort, 2, 1000);
            start(binary, conf, "sentinel" + i, "--sentinel");
            sentinels.add("127.0.0.1:" + port);
        }
        awaitSentinelsKnowEachOther(sentinels, password);

        ConnectionProfile profile = new ConnectionProfile("sentinel-it", ConnectionProfile.Kind.CLUSTER, new HdfsSettings("hdfs://127.0.0.1:1", null, null),
                new ZooKeeperSettings("127.0.0.1:1", "/tessera", null, null),
                new RedisSettings("redis-sentinel://" + String.join(",", sentinels) + "#" + MASTER, null, null, false));
        assertTrue(io.tessera.engine.profile.ProfileValidator.problems(profile).isEmpty(), io.tessera.engine.profile.ProfileValidator.problems(profile)::toString);
        ConnectionTarget target = ProfileResolver.withPasswords(profile, null, password.toCharArray());

        try (ClusterConnection connection = new ClusterConnection(target)) {
            RedisClient redis = connection.redis();
            redis.set("before", "1");
            assertEquals("127.0.0.1:" + primaryPort, ClientFactory.redisAddress(target, Duration.ofSeconds(2)).toString());
            ServiceHealth before = HealthCheck.check(ServiceKind.REDIS, target, Duration.ofSeconds(2));
            assertEquals(ServiceHealth.State.UP, before.state(), before.summary());
            assertEquals("127.0.0.1:" + primaryPort + " (named by Sentinel)", before.details().get("Primary"));
            assertEquals(1, ((RedisFigures) before.figures()).replicas().size(), "the primary reports its replica");
            awaitReplicated(replicaPort, password, "before");

            primary.destroyForcibly().waitFor();

            // the Sentinels notice within a second or so, agree and promote the replica; until then writes fail
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            JedisException last = null;
            boolean written = false;
            while (!written && System.nanoTime() < deadline) {
                try {
                    redis.set("after", "2");
                    written = true;
                } catch (JedisException e) {
                    last = e;
                    Thread.sleep(200);
                }
            }
            String failure = String.valueOf(last);
            assertTrue(written, () -> "no write succeeded within 60 s of the primary's death: " + failure);
            HostAndPort now = ClientFactory.redisAddress(target, Duration.ofSeconds(2));
            assertEquals("127.0.0.1:" + replicaPort, now.toString(), "the Sentinels name the promoted replica");
            assertEquals("2", redis.get("after"));
            assertEquals("1", redis.get("before"), "what the replica had received survives the failover");
            try (Jedis plain = ClientFactory.redisConnection(target, Duration.ofSeconds(2))) {
                assertEquals("2", plain.get("after"), "a plain connection goes to the new primary too");
                assertTrue(plain.info("replication").contains("role:master"));
            }
            ServiceHealth after = HealthCheck.check(ServiceKind.REDIS, target, Duration.ofSeconds(2));
            assertEquals(ServiceHealth.State.UP, after.state(), after.summary());
            assertNotEquals(before.details().get("Primary"), after.details().get("Primary"));
        }
    }

    private Process start(Path binary, Path conf, String name, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(binary.toString(), conf.toString()));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dir.resolve(name + ".log").toString()))).start();
        servers.add(process);
        return process;
    }

    private static void awaitSentinelsKnowEachOther(List<String> sentinels, String password) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String sentinel : sentinels) {
            while (true) {
                try (Jedis jedis = new Jedis(HostAndPort.from(sentinel), DefaultJedisClientConfig.builder().password(password).build())) {
                    Map<String, String> master = jedis.sentinelMaster(MASTER);
                    if (Integer.parseInt(master.get("num-slaves")) >= 1 && Integer.parseInt(master.get("num-other-sentinels")) >= 2) {
                        break;
                    }
                } catch (JedisException notYet) {
                    // starting
                }
                assertTrue(System.nanoTime() < deadline, "Sentinel " + sentinel + " did not learn of the replica and the other Sentinels in 60 s");
                Thread.sleep(200);
            }
        }
    }

    private static void awaitReplicated(int replicaPort, String password, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Jedis replica = new Jedis(new HostAndPort("127.0.0.1", replicaPort), DefaultJedisClientConfig.builder().password(password).build())) {
            while (replica.get(key) == null) {
                assertTrue(System.nanoTime() < deadline, "the replica did not receive " + key);
                Thread.sleep(100);
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
