package io.tessera.engine.security.tls;

import static io.tessera.engine.security.tls.TlsAssertions.assertDown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.HealthCheck;
import io.tessera.engine.connect.ServiceHealth;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ZooKeeper over TLS against a real server with a secure client port that requires client certificates: mutual TLS
 * with a PEM or PKCS#12 key store (through ZooKeeper's own client settings, per connection: a plain connection lives
 * beside it in the same JVM), and a refused untrusted certificate, a missing client certificate and plain/TLS port
 * mix-ups, each with its reason.
 */
@Timeout(150)
class ZooKeeperTlsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(4);

    @TempDir
    static Path dir;
    static TestCertificates certificates;
    static TlsZooKeeperServer server;

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.make(dir.resolve("certs"));
        server = TlsZooKeeperServer.start(dir.resolve("zookeeper"), certificates);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static TlsConfig mutual() {
        return new TlsConfig(certificates.ca(), null, certificates.clientPem(), null, true);
    }

    private static ServiceHealth check(ConnectionTarget target) {
        return HealthCheck.check(ServiceKind.ZOOKEEPER, target, TIMEOUT);
    }

    @Test
    void mutualTlsBesideAPlainConnectionInTheSameJvm() throws Exception {
        ConnectionTarget secure = server.target(server.secureConnect(), mutual());
        ConnectionTarget plain = server.target(server.plainConnect(), null);
        try (ClusterConnection overTls = new ClusterConnection(secure); ClusterConnection inPlain = new ClusterConnection(plain)) {
            overTls.curator().create().creatingParentsIfNeeded().forPath("/tls-check", "over TLS".getBytes(StandardCharsets.UTF_8));
            assertEquals("over TLS", new String(inPlain.curator().getData().forPath("/tls-check"), StandardCharsets.UTF_8),
                    "the plain connection reads what the TLS one wrote");
        }
        ServiceHealth health = check(secure);
        assertEquals(ServiceHealth.State.UP, health.state(), health.summary());
        assertTrue(health.details().get("Connect string").endsWith("(TLS)"), health.details().toString());
        assertEquals("standalone", health.details().get("Mode"), "the server's own figures, asked over TLS: " + health.details());

        TlsConfig p12 = new TlsConfig(certificates.ca(), null, certificates.clientP12(), TestCertificates.P12_PASSWORD, true);
        ServiceHealth withP12 = check(server.target(server.secureConnect(), p12));
        assertEquals(ServiceHealth.State.UP, withP12.state(), withP12.summary());
    }

    @Test
    void anUntrustedServerCertificateIsRefusedWithItsIssuer() {
        TlsConfig trustingOther = new TlsConfig(certificates.otherCa(), null, certificates.clientPem(), null, true);
        assertDown(check(server.target(server.secureConnect(), trustingOther)),
                "not trusted", "signed by CN=" + TestCertificates.CA_NAME, "other-ca.pem");
    }

    @Test
    void mismatchesSayWhy() {
        assertDown(check(server.target(server.secureConnect(), new TlsConfig(certificates.ca(), null, null, null, true))),
                "wants a client certificate");
        assertDown(check(server.target(server.secureConnect(), null)), "speaks only TLS");
        assertDown(check(server.target(server.plainConnect(), mutual())), "does not speak TLS");
    }
}
