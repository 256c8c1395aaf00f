package io.tessera.engine.dispatch;

import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.testing.SharedCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A redis-server of our own (the shared cluster's unpacked binary) that a test may stop and start again
 * on the same port and data folder, to see clients ride out an outage. Append-only with fsync always,
 * so a restart keeps every acknowledged write.
 */
public final class PrivateRedis implements AutoCloseable {
    private static final String HOST = InetAddress.getLoopbackAddress().getHostAddress();

    private final Path binary;
    private final Path dir;
    private final int port;
    private final String password = UUID.randomUUID().toString();
    private Process process;

    private PrivateRedis(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
    }

    public static PrivateRedis start() throws IOException {
        Path bin = SharedCluster.get().dataDir().resolve("bin");
        Path binary;
        try (Stream<Path> files = Files.list(bin)) {
            binary = files.filter(f -> f.getFileName().toString().startsWith("redis-server")).findFirst()
                    .orElseThrow(() -> new IOException("no redis-server in " + bin));
        }
        Path base = Path.of(System.getProperty("tessera.test.tmp", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(base);
        PrivateRedis redis = new PrivateRedis(binary, Files.createTempDirectory(base, "private-redis-"), freePort());
        redis.resume();
        return redis;
    }

    /** {@code cluster} (its HDFS and ZooKeeper) with this Redis instead of its own. */
    public ConnectionTarget besides(ConnectionTarget cluster) {
        ConnectionTarget own = target();
        return new ConnectionTarget(cluster.profileName() + "+private-redis", cluster.hdfsUri(), cluster.hdfsConfDir(), cluster.hdfsUser(),
                cluster.zooKeeperConnect(), cluster.zooKeeperChroot(), cluster.zooKeeperDigestUser(), cluster.zooKeeperDigestPassword(),
                own.redisUri(), own.redisUser(), own.redisPassword(), false);
    }

    ConnectionTarget target() {
        return new ConnectionTarget("private-redis", "hdfs://" + HOST + ":1", null, null, HOST + ":1", "/tessera", null, null,
                "redis://" + HOST + ":" + port, null, password.toCharArray(), false);
    }

    /** Starts the server (again) and waits until it answers. */
    public void resume() throws IOException {
        process = new ProcessBuilder(List.of(binary.toString(), "--port", Integer.toString(port), "--bind", HOST,
                "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "",
                "--requirepass", password, "--logfile", dir.resolve("redis.log").toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        var config = DefaultJedisClientConfig.builder().password(password).connectionTimeoutMillis(200).socketTimeoutMillis(500).build();
        while (true) {
            try (Jedis jedis = new Jedis(new HostAndPort(HOST, port), config)) {
                if ("PONG".equals(jedis.ping())) {
                    return;
                }
            } catch (RuntimeException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("the private redis-server did not start on port " + port, notYet);
                }
            }
            Thread.onSpinWait();
        }
    }

    /** SIGTERM: the server writes its append-only file and exits. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            try {
                stop();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
