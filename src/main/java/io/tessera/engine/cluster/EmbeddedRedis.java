package io.tessera.engine.cluster;

import io.tessera.engine.OwnerOnlyFiles;
import io.tessera.engine.Reasons;
import io.tessera.engine.ServiceKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.tessera.engine.security.tls.HandshakingSocketFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;

/**
 * A real redis-server process on loopback, with append-only persistence in {@code dir}. It asks for
 * a password generated on first start and kept in an owner-only file, so other local users cannot
 * read the queue. The server runs under a small shell watchdog that stops it when this JVM dies,
 * even by kill -9 (SIGTERM, then SIGKILL after 10 s if the server refuses to stop, as it does when it cannot
 * write its files); a server orphaned anyway is reaped through its pid file at the next start.
 */
final class EmbeddedRedis implements EmbeddedService {
    private static final long READY_TIMEOUT_MS = 15_000;
    private static final String WATCHDOG = "p=$1; shift; \"$@\" & r=$!; "
            + "trap 'kill $r 2>/dev/null; wait $r; exit 0' TERM INT; "
            + "while kill -0 \"$p\" 2>/dev/null && kill -0 $r 2>/dev/null; do sleep 1; done; "
            // a redis-server that cannot persist (its folder deleted under it) refuses SIGTERM; its owner is gone: 10 s, then SIGKILL
            + "kill $r 2>/dev/null; i=0; while kill -0 $r 2>/dev/null && [ $i -lt 20 ]; do sleep 0.5; i=$((i+1)); done; "
            + "kill -9 $r 2>/dev/null; wait $r";

    private final Path dir;
    private final int requestedPort;
    private final LocalCertificates tls;
    private Process watchdog;
    private int port;

    EmbeddedRedis(Path dir, int requestedPort) {
        this(dir, requestedPort, null);
    }

    /** {@code tls}: TLS only, client certificates of that CA required; null for plain. */
    EmbeddedRedis(Path dir, int requestedPort, LocalCertificates tls) {
        this.dir = dir;
        this.requestedPort = requestedPort;
        this.tls = tls;
    }

    @Override
    public boolean choosesItsPort() {
        return requestedPort == 0;
    }

    @Override
    public ServiceKind kind() {
        return ServiceKind.REDIS;
    }

    static Path passwordFile(Path redisDir) {
        return redisDir.resolve("password");
    }

    @Override
    public String start() throws ClusterStartException {
        reapOrphan();
        Path binary = RedisServerBinary.locate(dir.getParent().resolve("bin"));
        port = LoopbackPorts.claim("Redis", requestedPort);
        try {
            Files.createDirectories(dir.resolve("data"));
            String password = password();
            Path conf = dir.resolve("redis.conf");
            OwnerOnlyFiles.write(conf, config(password).getBytes(StandardCharsets.UTF_8));
            Files.deleteIfExists(logFile());
            watchdog = new ProcessBuilder("sh", "-c", WATCHDOG, "tessera-redis-watchdog",
                    Long.toString(ProcessHandle.current().pid()), binary.toString(), conf.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            awaitReady(password);
        } catch (IOException | RuntimeException e) {
            close();
            throw new ClusterStartException("Redis did not start: " + Reasons.oneLine(e), e);
        }
        return uri();
    }

    String uri() {
        return (tls == null ? "redis://" : "rediss://") + LoopbackPorts.LOOPBACK.getHostAddress() + ":" + port;
    }

    private String config(String password) {
        return String.join("\n",
                "bind " + LoopbackPorts.LOOPBACK.getHostAddress(),
                ports(),
                "protected-mode yes",
                "daemonize no",
                "dir " + quoted(dir.resolve("data")),
                "pidfile " + quoted(pidFile()),
                "logfile " + quoted(logFile()),
                "appendonly yes",
                "appendfsync everysec",
                "requirepass " + quoted(password),
                "");
    }

    /** Plain: the port. Secured: no plain port, the TLS port, and client certificates of the local CA required. */
    private String ports() {
        if (tls == null) {
            return "port " + port;
        }
        return String.join("\n", "port 0", "tls-port " + port, "tls-cert-file " + quoted(tls.serverCertificate()),
                "tls-key-file " + quoted(tls.serverKey()), "tls-ca-cert-file " + quoted(tls.ca()), "tls-auth-clients yes");
    }

    private static String quoted(Object value) {
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private String password() throws IOException {
        Path file = passwordFile(dir);
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OwnerOnlyFiles.write(file, password.getBytes(StandardCharsets.UTF_8));
        return password;
    }

    private Path pidFile() {
        return dir.resolve("redis.pid");
    }

    private Path logFile() {
        return dir.resolve("redis.log");
    }

    private void awaitReady(String password) throws IOException {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        var builder = DefaultJedisClientConfig.builder().password(password).protocol(RedisProtocol.RESP2).connectionTimeoutMillis(500).socketTimeoutMillis(1000);
        if (tls != null) {
            builder.ssl(true).sslSocketFactory(new HandshakingSocketFactory(tls.clientConfig()));
        }
        var config = builder.build();
        while (true) {
            try (Jedis jedis = new Jedis(new HostAndPort(LoopbackPorts.LOOPBACK.getHostAddress(), port), config)) {
                if ("PONG".equals(jedis.ping())) {
                    return;
                }
            } catch (RuntimeException notYet) {
                if (!watchdog.isAlive()) {
                    throw new IOException("redis-server exited: " + exitReason());
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IOException("redis-server did not answer within " + READY_TIMEOUT_MS / 1000 + " s: " + lastLogLine());
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Redis", e);
            }
        }
    }

    /** Why the server ended: its bind failure when it had one (its last line only says it aborted), else its last line. */
    private String exitReason() {
        try {
            return Files.readAllLines(logFile()).stream().filter(line -> line.contains("Address already in use"))
                    .map(line -> line.replaceFirst("^.*?# ", "")).findFirst().orElseGet(this::lastLogLine);
        } catch (IOException e) {
            return lastLogLine();
        }
    }

    private String lastLogLine() {
        try {
            List<String> lines = Files.readAllLines(logFile());
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).contains("#")) {
                    return lines.get(i).replaceFirst("^.*?# ", "");
                }
            }
            return lines.isEmpty() ? "no log output" : lines.getLast();
        } catch (IOException e) {
            return "no log at " + logFile();
        }
    }

    /** A redis-server left running by a JVM that died before its watchdog noticed. */
    private void reapOrphan() {
        try {
            if (!Files.exists(pidFile())) {
                return;
            }
            long pid = Long.parseLong(Files.readString(pidFile()).strip());
            ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false))
                    .ifPresent(EmbeddedRedis::stopProcess);
            Files.deleteIfExists(pidFile());
        } catch (IOException | NumberFormatException ignored) {
            // no usable pid file: nothing to reap
        }
    }

    private static void stopProcess(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception stillRunning) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        if (watchdog == null) {
            return;
        }
        // SIGTERM makes redis-server flush its append-only file and exit; the watchdog follows.
        watchdog.children().forEach(EmbeddedRedis::stopProcess);
        stopProcess(watchdog.toHandle());
        watchdog = null;
    }
}
