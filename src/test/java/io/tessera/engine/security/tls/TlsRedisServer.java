package io.tessera.engine.security.tls;

import io.tessera.engine.cluster.RedisPing;
import io.tessera.engine.cluster.RedisServerBinary;
import io.tessera.engine.connect.ConnectionTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server (the embedded static 7.0.15 build) with a TLS port and, beside it, a plain port: the server
 * certificate and whether it asks clients for theirs are the test's choice.
 */
public final class TlsRedisServer implements AutoCloseable {
    private static final String HOST = InetAddress.getLoopbackAddress().getHostAddress();

    /** Redis's {@code tls-auth-clients}. */
    public enum ClientAuth { NO, YES }

    private final Process process;
    private final int plainPort;
    private final int tlsPort;
    private final String password = UUID.randomUUID().toString();

    private TlsRedisServer(Path dir, TestCertificates certificates, String server, ClientAuth auth) throws IOException {
        plainPort = freePort();
        tlsPort = freePort();
        Path binary;
        try {
            binary = RedisServerBinary.locate(Path.of("target", "tls-test-bin").toAbsolutePath());
        } catch (Exception e) {
            throw new IOException(e);
        }
        Files.createDirectories(dir);
        process = new ProcessBuilder(List.of(binary.toString(), "--bind", HOST, "--port", Integer.toString(plainPort),
                "--tls-port", Integer.toString(tlsPort), "--tls-cert-file", certificates.certificate(server).toString(),
                "--tls-key-file", certificates.key(server).toString(), "--tls-ca-cert-file", certificates.ca().toString(),
                "--tls-auth-clients", auth.name().toLowerCase(), "--requirepass", password, "--save", "", "--appendonly", "no",
                "--dir", dir.toString(), "--logfile", dir.resolve("redis.log").toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        RedisPing.awaitPong(HOST, plainPort, password, process, Duration.ofSeconds(20));
    }

    public static TlsRedisServer start(Path dir, TestCertificates certificates, String server, ClientAuth auth) throws IOException {
        return new TlsRedisServer(dir, certificates, server, auth);
    }

    public String tlsUri() {
        return "rediss://" + HOST + ":" + tlsPort;
    }

    public int tlsPort() {
        return tlsPort;
    }

    public String password() {
        return password;
    }

    public String plainUri() {
        return "redis://" + HOST + ":" + plainPort;
    }

    /** A target for this server's Redis alone (HDFS and ZooKeeper point nowhere), over TLS with {@code tls} or plain without. */
    public ConnectionTarget target(String redisUri, TlsConfig tls) {
        return new ConnectionTarget("tls-redis", "hdfs://" + HOST + ":1", null, null, HOST + ":1", "/tessera", null, null,
                redisUri, null, password.toCharArray(), tls != null, false, tls, null);
    }

    /** {@code cluster}'s HDFS and ZooKeeper with this server's Redis over TLS. */
    public ConnectionTarget besides(ConnectionTarget cluster, TlsConfig tls) {
        return new ConnectionTarget(cluster.profileName() + "+tls-redis", cluster.hdfsUri(), cluster.hdfsConfDir(), cluster.hdfsUser(),
                cluster.zooKeeperConnect(), cluster.zooKeeperChroot(), cluster.zooKeeperDigestUser(), cluster.zooKeeperDigestPassword(),
                tlsUri(), null, password.toCharArray(), true, false, tls, null);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(process);
    }

    /** SIGTERM, and SIGKILL after 10 s. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
