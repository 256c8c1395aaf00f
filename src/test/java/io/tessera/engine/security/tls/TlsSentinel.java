package io.tessera.engine.security.tls;

import io.tessera.engine.cluster.RedisServerBinary;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A real Redis Sentinel (the embedded redis-server in sentinel mode) that monitors a {@link TlsRedisServer} over mutual
 * TLS and takes clients on a TLS port that asks for their certificate; a plain port beside it tells when it is up.
 */
final class TlsSentinel implements AutoCloseable {
    static final String MASTER = "tls-primary";
    private static final String HOST = InetAddress.getLoopbackAddress().getHostAddress();

    private final Process process;
    private final int plainPort;
    private final int tlsPort;

    private TlsSentinel(Path dir, TestCertificates certificates, TlsRedisServer primary) throws IOException {
        plainPort = TlsRedisServer.freePort();
        tlsPort = TlsRedisServer.freePort();
        Files.createDirectories(dir);
        Path conf = dir.resolve("sentinel.conf"); // a Sentinel rewrites its configuration file: it must be its own
        Files.writeString(conf, String.join("\n",
                "bind " + HOST, "port " + plainPort, "tls-port " + tlsPort,
                "tls-cert-file " + certificates.certificate("server"), "tls-key-file " + certificates.key("server"),
                "tls-client-cert-file " + certificates.clientPem(), "tls-client-key-file " + certificates.clientPem(),
                "tls-ca-cert-file " + certificates.ca(), "tls-auth-clients yes", "tls-replication yes",
                "dir " + dir, "logfile " + dir.resolve("sentinel.log"),
                "sentinel monitor " + MASTER + " " + HOST + " " + primary.tlsPort() + " 1",
                "sentinel auth-pass " + MASTER + " " + primary.password(), "") );
        Path binary;
        try {
            binary = RedisServerBinary.locate(Path.of("target", "tls-test-bin").toAbsolutePath());
        } catch (Exception e) {
            throw new IOException(e);
        }
        process = new ProcessBuilder(List.of(binary.toString(), conf.toString(), "--sentinel"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        awaitPrimaryKnown();
    }

    static TlsSentinel start(Path dir, TestCertificates certificates, TlsRedisServer primary) throws IOException {
        return new TlsSentinel(dir, certificates, primary);
    }

    /** {@code rediss-sentinel://…#tls-primary}; the Sentinel has no password of its own. */
    String tlsUri() {
        return "rediss-sentinel://" + HOST + ":" + tlsPort + "?sentinel-auth=none#" + MASTER;
    }

    String plainUriToTlsPort() {
        return "redis-sentinel://" + HOST + ":" + tlsPort + "?sentinel-auth=none#" + MASTER;
    }

    /** Until the Sentinel has reached the primary over TLS (it knows its run id only then). */
    private void awaitPrimaryKnown() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        var config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(300).socketTimeoutMillis(1000).build();
        String last = "no answer";
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Jedis jedis = new Jedis(new HostAndPort(HOST, plainPort), config)) {
                var primary = jedis.sentinelMaster(MASTER);
                last = primary.toString();
                if (!String.valueOf(primary.get("run-id")).isBlank() && !String.valueOf(primary.get("flags")).contains("disconnected")
                        && !String.valueOf(primary.get("flags")).contains("down")) {
                    return;
                }
            } catch (RuntimeException notYet) {
                last = notYet.toString();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        throw new IOException("the TLS Sentinel did not reach its primary within 30 s: " + last);
    }

    @Override
    public void close() throws InterruptedException {
        TlsRedisServer.stop(process);
    }
}
