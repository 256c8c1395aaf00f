package io.tessera.engine.dispatch.ceiling;

import io.tessera.engine.bench.BenchCleanUp;
import io.tessera.engine.cluster.ClusterStartException;
import io.tessera.engine.cluster.RedisPing;
import io.tessera.engine.cluster.RedisServerBinary;
import io.tessera.engine.connect.ConnectionTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of the benchmark's own (the static 7.0.15 build the project ships, or {@code TESSERA_REDIS_SERVER}) on a
 * free loopback port, with a random password and no persistence: every contender meets the same server, and its CPU
 * time is theirs alone. Closing stops it (SIGTERM, then SIGKILL) and removes its folder.
 */
public final class BenchRedis implements AutoCloseable {
    private static final String HOST = InetAddress.getLoopbackAddress().getHostAddress();

    private final Process process;
    private final Path dir;
    private final int port;
    private final String password;

    private BenchRedis(Process process, Path dir, int port, String password) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.password = password;
    }

    /** Starts it in a new folder under {@code scratch} and waits until it answers. */
    public static BenchRedis start(Path scratch) throws IOException, ClusterStartException {
        Path dir = Files.createTempDirectory(Files.createDirectories(scratch), "bench-redis-");
        Path binary = RedisServerBinary.locate(dir.resolve("bin"));
        int port = freePort();
        String password = UUID.randomUUID().toString();
        // the configuration on standard input ("-"): the password never shows on a command line
        Process process = new ProcessBuilder(List.of(binary.toString(), "-", "--port", Integer.toString(port), "--bind", HOST, "--dir", dir.toString(),
                "--save", "", "--appendonly", "no", "--logfile", dir.resolve("redis.log").toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BenchRedis redis = new BenchRedis(process, dir, port, password);
        try (OutputStream config = process.getOutputStream()) {
            config.write(("requirepass \"" + password + "\"\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            redis.close();
            throw e;
        }
        try {
            redis.awaitReady();
        } catch (IOException | RuntimeException e) {
            redis.close();
            throw e;
        }
        return redis;
    }

    private void awaitReady() throws IOException {
        RedisPing.awaitPong(HOST, port, password, process, Duration.ofSeconds(15));
    }

    public ConnectionTarget target() {
        return new ConnectionTarget("bench-redis", "hdfs://" + HOST + ":1", null, null, HOST + ":1", "/tessera", null, null,
                uri(), null, password.toCharArray(), false);
    }

    /** {@code redis://127.0.0.1:PORT}, without the password. */
    public String uri() {
        return "redis://" + HOST + ":" + port;
    }

    /** For a client in another process (the BullMQ baseline), passed in its environment, never on a command line. */
    String password() {
        return password;
    }

    public long pid() {
        return process.pid();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            BenchCleanUp.deleteTree(dir);
        } catch (IOException e) {
            // a scratch folder left behind is harmless
        }
    }
}
