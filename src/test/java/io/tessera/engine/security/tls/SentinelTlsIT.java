package io.tessera.engine.security.tls;

import static io.tessera.engine.security.tls.TlsAssertions.assertDown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.ClientFactory;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.HealthCheck;
import io.tessera.engine.connect.ServiceHealth;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;

/**
 * Redis behind a Sentinel, everything over mutual TLS: a real Sentinel that monitors a real primary over TLS and takes
 * clients only over TLS with a certificate. A profile's {@code rediss-sentinel://} URI with its CA and client key store
 * reaches the primary through it (probe, plain and pooled connections); a plain profile or one without a client
 * certificate is told why not.
 */
@Timeout(120)
class SentinelTlsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    static Path dir;
    static TestCertificates certificates;
    static TlsRedisServer primary;
    static TlsSentinel sentinel;

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.make(dir.resolve("certs"));
        primary = TlsRedisServer.start(dir.resolve("primary"), certificates, "server", TlsRedisServer.ClientAuth.YES);
        sentinel = TlsSentinel.start(dir.resolve("sentinel"), certificates, primary);
    }

    @AfterAll
    static void stop() throws Exception {
        if (sentinel != null) {
            sentinel.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    private static TlsConfig mutual() {
        return new TlsConfig(certificates.ca(), null, certificates.clientP12(), TestCertificates.P12_PASSWORD, true);
    }

    @Test
    void aProfileReachesThePrimaryThroughATlsSentinel() {
        ConnectionTarget target = primary.target(sentinel.tlsUri(), mutual());
        ServiceHealth health = HealthCheck.check(ServiceKind.REDIS, target, TIMEOUT);
        assertEquals(ServiceHealth.State.UP, health.state(), health.summary() + " " + health.details());
        try (Jedis jedis = ClientFactory.redisConnection(target, TIMEOUT); RedisClient pooled = ClientFactory.redisClient(target, TIMEOUT)) {
            pooled.set("sentinel-tls:probe", "through the Sentinel, over TLS");
            assertEquals("through the Sentinel, over TLS", jedis.get("sentinel-tls:probe"));
            assertTrue(jedis.info("server").contains("tcp_port:"), "a connection to the primary itself");
        }
    }

    @Test
    void aWrongProfileIsToldWhy() {
        // no client certificate: the Sentinel asks for one
        assertDown(HealthCheck.check(ServiceKind.REDIS, primary.target(sentinel.tlsUri(), new TlsConfig(certificates.ca(), null, null, null, true)),
                TIMEOUT), "wants a client certificate");
        // plain text to the Sentinel's TLS port
        assertDown(HealthCheck.check(ServiceKind.REDIS, primary.target(sentinel.plainUriToTlsPort(), null), TIMEOUT), "speaks only TLS");
        // a CA the Sentinel's certificate is not signed by
        assertDown(HealthCheck.check(ServiceKind.REDIS, primary.target(sentinel.tlsUri(),
                new TlsConfig(certificates.otherCa(), null, certificates.clientP12(), TestCertificates.P12_PASSWORD, true)), TIMEOUT), "not trusted");
    }
}
