package io.tessera.engine.security.tls;

import static io.tessera.engine.security.tls.TlsAssertions.assertDown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.ClientFactory;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.HealthCheck;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.Worker;
import io.tessera.engine.worker.WorkerOptions;
import io.tessera.testing.ExactJob;
import io.tessera.testing.SharedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;

/**
 * Redis over TLS against real redis-servers with TLS ports: the profile's own CA (PEM), mutual TLS with a PEM and a
 * PKCS#12 client key store, hostname checking on by default, a job end to end over TLS, and each mismatch reported
 * with its reason in words.
 */
@Timeout(120)
class RedisTlsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    static Path dir;
    static TestCertificates certificates;
    static TlsRedisServer server;
    static TlsRedisServer mutual;
    static TlsRedisServer wrongName;

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.make(dir.resolve("certs"));
        server = TlsRedisServer.start(dir.resolve("server"), certificates, "server", TlsRedisServer.ClientAuth.NO);
        mutual = TlsRedisServer.start(dir.resolve("mutual"), certificates, "server", TlsRedisServer.ClientAuth.YES);
        wrongName = TlsRedisServer.start(dir.resolve("wrong"), certificates, "wrong-name", TlsRedisServer.ClientAuth.NO);
    }

    @AfterAll
    static void stop() throws Exception {
        for (TlsRedisServer each : new TlsRedisServer[] {server, mutual, wrongName}) {
            if (each != null) {
                each.close();
            }
        }
    }

    private static TlsConfig trusting(Path ca) {
        return new TlsConfig(ca, null, null, null, true);
    }

    private static ServiceHealth check(ConnectionTarget target) {
        return HealthCheck.check(ServiceKind.REDIS, target, TIMEOUT);
    }

    @Test
    void pingsAndWorksOverTlsTrustingTheProfilesCa() {
        ConnectionTarget target = server.target(server.tlsUri(), trusting(certificates.ca()));
        ServiceHealth health = check(target);
        assertEquals(ServiceHealth.State.UP, health.state(), health.summary());
        assertTrue(health.details().get("URI").endsWith("(TLS)"), health.details().toString());
        try (Jedis jedis = ClientFactory.redisConnection(target, TIMEOUT); RedisClient pooled = ClientFactory.redisClient(target, TIMEOUT)) {
            assertEquals("PONG", jedis.ping());
            pooled.set("tls:probe", "over TLS");
            assertEquals("over TLS", jedis.get("tls:probe"));
        }
    }

    @Test
    void mutualTlsWithAPemOrPkcs12ClientKeyStore() {
        TlsConfig pem = new TlsConfig(certificates.ca(), null, certificates.clientPem(), null, true);
        TlsConfig p12 = new TlsConfig(certificates.ca(), null, certificates.clientP12(), TestCertificates.P12_PASSWORD, true);
        for (TlsConfig tls : List.of(pem, p12)) {
            ServiceHealth health = check(mutual.target(mutual.tlsUri(), tls));
            assertEquals(ServiceHealth.State.UP, health.state(), tls + ": " + health.summary());
        }
        assertDown(check(mutual.target(mutual.tlsUri(), new TlsConfig(certificates.ca(), null, certificates.clientP12(), "wrong".toCharArray(), true))),
                "client key store", "password");
    }

    @Test
    void eachMismatchSaysWhy() {
        // a TLS client against the plain port
        assertDown(check(server.target(server.plainUri(), trusting(certificates.ca()))), "does not speak TLS");
        // the server's certificate is signed by a CA the profile does not trust: the issuer is named
        assertDown(check(server.target(server.tlsUri(), trusting(certificates.otherCa()))),
                "not trusted", "signed by CN=" + TestCertificates.CA_NAME, "other-ca.pem");
        // the JVM's own trust store does not know the test CA either
        assertDown(check(server.target(server.tlsUri(), TlsConfig.SYSTEM_DEFAULTS)), "not trusted", "JVM's default trust store");
        // the certificate names another host: which name, which names it holds
        assertDown(check(wrongName.target(wrongName.tlsUri(), trusting(certificates.ca()))),
                "does not name 127.0.0.1", "DNS:wrong.example", "IP:10.9.8.7");
        // the server wants a client certificate and the profile has none
        assertDown(check(mutual.target(mutual.tlsUri(), trusting(certificates.ca()))), "wants a client certificate");
        // a client certificate the server's CA did not sign
        assertDown(check(mutual.target(mutual.tlsUri(), new TlsConfig(certificates.ca(), null, certificates.strangerPem(), null, true))),
                "refused the profile's client certificate");
        // a plain client against the TLS port
        assertDown(check(server.target(server.tlsUri().replace("rediss://", "redis://"), null)), "speaks only TLS", "turn TLS on");
        // a trust file that is not there
        assertDown(check(server.target(server.tlsUri(), trusting(dir.resolve("nowhere.pem")))), "nowhere.pem", "does not exist");
    }

    @Test
    void theHostnameCheckCanBeTurnedOffExplicitly() {
        ServiceHealth health = check(wrongName.target(wrongName.tlsUri(), new TlsConfig(certificates.ca(), null, null, null, false)));
        assertEquals(ServiceHealth.State.UP, health.state(), health.summary());
    }

    @Test
    void aJobRunsEndToEndWithItsQueueOverMutualTls() throws Exception {
        TlsConfig tls = new TlsConfig(certificates.ca(), null, certificates.clientP12(), TestCertificates.P12_PASSWORD, true);
        ConnectionTarget target = mutual.besides(SharedCluster.target(), tls);
        String run = UUID.randomUUID().toString().substring(0, 8);
        DispatchKeys keys = new DispatchKeys("tls-" + run + ":");
        DispatchSettings settings = DispatchSettings.defaults();
        String folder = "/it-tls/" + run;
        try (ClusterConnection connection = new ClusterConnection(target);
             ClusterConnection own = new ClusterConnection(target);
             Worker worker = Worker.start(own, WorkerOptions.defaults(1).withKeys(keys, settings))) {
            ExactJob.upload(connection.fileSystem(), folder + "/in", ExactJob.smallImages(8));
            JobRequest request = new JobRequest("tls-" + run, folder + "/in", folder + "/out",
                    Pipeline.parse(List.of("thumbnail:24"), "png"), Priority.NORMAL, new ShardLimits(4, 0), 2);
            ExactJob job = ExactJob.submit(connection, keys, settings, request);
            job.assertFinishedExactly(new JobCounts(4, 8, 4, 8, 0, 0, 0, 0));
        }
    }
}
