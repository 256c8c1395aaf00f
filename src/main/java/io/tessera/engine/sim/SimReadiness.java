package io.tessera.engine.sim;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.HealthCheck;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.engine.health.DataNodeFigures;
import io.tessera.engine.health.HdfsFigures;
import io.tessera.engine.health.RedisFigures;
import io.tessera.engine.health.ZooKeeperFigures;
import io.tessera.engine.health.ZooKeeperMember;
import io.tessera.engine.membership.WorkerDirectory;
import io.tessera.engine.sim.SimHost.Role;
import io.tessera.engine.zk.ZkAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;

/**
 * Waits until the sim is what it claims, seen through its own profile as the console would see it: 3 live DataNodes
 * out of safe mode, 3 ZooKeeper servers with one leader, the Redis primary with its replica, every Sentinel aware of
 * the replica and of the 2 other Sentinels; then the workers registered. A host whose process exits fails the wait at
 * once with the end of its log.
 */
final class SimReadiness {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private SimReadiness() {}

    static void awaitInfrastructure(ConnectionTarget target, SimLayout layout, Map<SimHost, Process> processes, SimFiles files,
                                    char[] redisPassword, Duration timeout, Consumer<String> progress) throws SimException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> missing = new LinkedHashMap<>();
        String reported = "";
        while (true) {
            checkAlive(processes, files);
            missing.clear();
            Map<ServiceKind, ServiceHealth> health = HealthCheck.checkAll(target, PROBE_TIMEOUT);
            hdfs(health.get(ServiceKind.HDFS), layout, missing);
            zooKeeper(health.get(ServiceKind.ZOOKEEPER), layout, missing);
            redis(health.get(ServiceKind.REDIS), missing);
            sentinels(layout, redisPassword, missing);
            if (missing.isEmpty()) {
                return;
            }
            String now = String.join("; ", missing.values());
            if (!now.equals(reported)) {
                progress.accept("  waiting: " + now);
                reported = now;
            }
            if (System.nanoTime() > deadline) {
                throw new SimException("the sim was not ready within " + timeout.toSeconds() + " s: " + now + " (logs in " + files.logs() + ")");
            }
            sleep(1000);
        }
    }

    static void awaitWorkers(ConnectionTarget target, int workers, Map<SimHost, Process> processes, SimFiles files, Duration timeout)
            throws SimException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (ClusterConnection connection = new ClusterConnection(target)) {
            WorkerDirectory directory = new WorkerDirectory(ZkAccess.of(connection));
            int registered = 0;
            while (true) {
                checkAlive(processes, files);
                try {
                    registered = directory.liveIds().size();
                } catch (java.io.IOException notYet) {
                    // ZooKeeper answers again in a moment
                }
                if (registered >= workers) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new SimException(registered + " of " + workers + " workers registered within " + timeout.toSeconds() + " s (logs in "
                            + files.logs() + ")");
                }
                sleep(500);
            }
        }
    }

    private static void checkAlive(Map<SimHost, Process> processes, SimFiles files) throws SimException {
        for (Map.Entry<SimHost, Process> entry : processes.entrySet()) {
            if (!entry.getValue().isAlive()) {
                SimHost host = entry.getKey();
                throw new SimException(host.name() + " (" + host.role().name().toLowerCase() + ") exited with " + entry.getValue().exitValue()
                        + ": " + SimProcesses.tail(files.log(host), 3));
            }
        }
    }

    private static void hdfs(ServiceHealth health, SimLayout layout, Map<String, String> missing) {
        int wanted = layout.hosts(Role.DATANODE).size();
        if (health == null || !health.isUp() || !(health.figures() instanceof HdfsFigures figures)) {
            missing.put("hdfs", "HDFS " + (health == null ? "unknown" : health.summary()));
        } else if (figures.count(DataNodeFigures.State.LIVE) < wanted || figures.safeMode()) {
            missing.put("hdfs", figures.count(DataNodeFigures.State.LIVE) + " of " + wanted + " DataNodes live" + (figures.safeMode() ? ", safe mode" : ""));
        }
    }

    private static void zooKeeper(ServiceHealth health, SimLayout layout, Map<String, String> missing) {
        int wanted = layout.hosts(Role.ZOOKEEPER).size();
        if (health == null || !(health.figures() instanceof ZooKeeperFigures figures)) {
            missing.put("zk", "ZooKeeper " + (health == null ? "unknown" : health.summary()));
            return;
        }
        List<ZooKeeperMember> members = figures.members();
        long serving = members.stream().filter(m -> m.answered() && ("leader".equals(m.mode()) || "follower".equals(m.mode()))).count();
        long leaders = members.stream().filter(m -> "leader".equals(m.mode())).count();
        if (!health.isUp() || serving < wanted || leaders != 1) {
            missing.put("zk", serving + " of " + wanted + " ZooKeeper servers in the quorum");
        }
    }

    private static void redis(ServiceHealth health, Map<String, String> missing) {
        if (health == null || !health.isUp() || !(health.figures() instanceof RedisFigures figures)) {
            missing.put("redis", "Redis " + (health == null ? "unknown" : health.summary()));
        } else if (!"primary".equals(figures.role()) || figures.replicas().isEmpty()) {
            missing.put("redis", "Redis primary without its replica");
        }
    }

    private static void sentinels(SimLayout layout, char[] password, Map<String, String> missing) {
        List<SimHost> sentinels = layout.hosts(Role.SENTINEL);
        var config = DefaultJedisClientConfig.builder().password(new String(password)).protocol(RedisProtocol.RESP2)
                .connectionTimeoutMillis((int) PROBE_TIMEOUT.toMillis()).socketTimeoutMillis((int) PROBE_TIMEOUT.toMillis()).build();
        List<String> unready = new ArrayList<>();
        for (SimHost sentinel : sentinels) {
            try (Jedis jedis = new Jedis(new HostAndPort(sentinel.address(), SimLayout.SENTINEL_PORT), config)) {
                Map<String, String> master = jedis.sentinelMaster(SimLayout.REDIS_MASTER_NAME);
                if (Integer.parseInt(master.getOrDefault("num-slaves", "0")) < 1
                        || Integer.parseInt(master.getOrDefault("num-other-sentinels", "0")) < sentinels.size() - 1) {
                    unready.add(sentinel.name());
                }
            } catch (RuntimeException e) {
                unready.add(sentinel.name());
            }
        }
        if (!unready.isEmpty()) {
            missing.put("sentinels", "Sentinels " + String.join(", ", unready) + " not yet aware of the replica and each other");
        }
    }

    private static void sleep(long ms) throws SimException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimException("interrupted while waiting for the sim", e);
        }
    }
}
