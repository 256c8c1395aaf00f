package io.tessera.engine.dispatch;

import io.tessera.engine.cluster.RedisPing;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.testing.SharedCluster;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A redis-server of our own (the shared cluster's unpacked binary) that a test may stop, or kill with SIGKILL, and
 * start again on the same port and data folder, to see clients ride out an outage or the cluster rebuild what Redis
 * lost. Its persistence is the test's choice: append-only with fsync always (a restart keeps every acknowledged
 * write), append-only with fsync every second, or none (a restart comes back empty).
 */
public final class PrivateRedis implements AutoCloseable {
    private static final String HOST = InetAddress.getLoopbackAddress().getHostAddress();

    /** How the server keeps its data across a restart. */
    public enum Persistence {
        AOF_ALWAYS("--appendonly", "yes", "--appendfsync", "always"),
        AOF_EVERYSEC("--appendonly", "yes", "--appendfsync", "everysec"),
        NONE("--appendonly", "no");

        private final List<String> options;

        Persistence(String... options) {
            this.options = List.of(options);
        }
    }

    private final Path binary;
    private final Path dir;
    private final int port;
    private final Persistence persistence;
    private final String password = UUID.randomUUID().toString();
    private Process process;

    private PrivateRedis(Path binary, Path dir, int port, Persistence persistence) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
        this.persistence = persistence;
    }

    public static PrivateRedis start() throws IOException {
        return start(Persistence.AOF_ALWAYS);
    }

    public static PrivateRedis start(Persistence persistence) throws IOException {
        Path bin = SharedCluster.get().dataDir().resolve("bin");
        Path binary;
        try (Stream<Path> files = Files.list(bin)) {
            binary = files.filter(f -> f.getFileName().toString().startsWith("redis-server")).findFirst()
                    .orElseThrow(() -> new IOException("no redis-server in " + bin));
        }
        Path base = Path.of(System.getProperty("tessera.test.tmp", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(base);
        for (int attempt = 1; ; attempt++) {
            PrivateRedis redis = new PrivateRedis(binary, Files.createTempDirectory(base, "private-redis-"), freePort(), persistence);
            try {
                redis.resume();
                return redis;
            } catch (IOException e) {
                // the free port was taken before the server bound it (another test JVM's connection got it): another one
                if (attempt == 3 || !redis.logSays("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    private boolean logSays(String text) throws IOException {
        Path log = dir.resolve("redis.log");
        return Files.exists(log) && Files.readString(log).contains(text);
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
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(port), "--bind", HOST,
                "--dir", dir.toString(), "--save", "", "--auto-aof-rewrite-percentage", "0",
                "--requirepass", password, "--logfile", dir.resolve("redis.log").toString()));
        command.addAll(persistence.options);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        RedisPing.awaitPong(HOST, port, password, process, Duration.ofSeconds(15));
    }

    /** SIGTERM: the server writes its append-only file and exits. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** SIGKILL (kill -9): the server stops at once, writing nothing more. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The size of the append-only file the server writes now (the incremental part of its multi-part AOF). */
    public long appendOnlySize() throws IOException {
        return Files.size(appendOnlyFile());
    }

    /**
     * Cuts the append-only file back to {@code size} bytes while the server is down: what a machine crash does to an
     * {@code appendfsync everysec} file, whose last writes were still in the page cache. On its next start Redis
     * loads the prefix (a command cut in half, or a transaction without its EXEC, is dropped: aof-load-truncated).
     */
    public void truncateAppendOnly(long size) throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException("stop the server first");
        }
        try (RandomAccessFile file = new RandomAccessFile(appendOnlyFile().toFile(), "rw")) {
            file.setLength(size);
        }
    }

    private Path appendOnlyFile() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("appendonlydir"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".incr.aof")).max(Path::compareTo)
                    .orElseThrow(() -> new IOException("no incremental append-only file in " + dir));
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
