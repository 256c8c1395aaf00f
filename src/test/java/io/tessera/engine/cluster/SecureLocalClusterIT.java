package io.tessera.engine.cluster;

import static io.tessera.engine.security.tls.TlsAssertions.assertDown;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.HealthCheck;
import io.tessera.engine.connect.ProfileResolver;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.SecretStore;
import io.tessera.engine.security.tls.TlsConfig;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.Worker;
import io.tessera.engine.worker.WorkerOptions;
import io.tessera.testing.ExactJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local cluster started secured: certificates made once into the data folder (owner-only), Redis and ZooKeeper
 * answering over TLS only with client certificates required, the Local profile connecting through them, plain or
 * certificate-less clients refused with their reasons, and a small job run end to end with its outputs decoded.
 * About 30-60 s on a loaded machine: a whole cluster of its own (HDFS included) is started for it.
 */
class SecureLocalClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void theSecuredLocalClusterRunsAJobOverTlsAndRefusesPlainClients() throws Exception {
        Path data = dir.resolve("local-cluster");
        try (EmbeddedCluster cluster = EmbeddedCluster.start(LocalClusterSettings.freePorts(data).withSecure(true), StartupListener.NONE)) {
            assertTrue(cluster.endpoints().secure());
            assertTrue(cluster.endpoints().redisUri().startsWith("rediss://"), cluster.endpoints().redisUri());
            Path tls = LocalCertificates.dirIn(data);
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls)));
            try (Stream<Path> files = Files.list(tls)) {
                for (Path file : files.toList()) {
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
                }
            }
            byte[] ca = Files.readAllBytes(tls.resolve("ca.pem"));
            LocalCertificates.ensure(tls);
            assertArrayEquals(ca, Files.readAllBytes(tls.resolve("ca.pem")), "made once, then reused");

            // the Local profile, as another process on this machine resolves it (through endpoints.json)
            ConnectionTarget target = new ProfileResolver(data, new SecretStore(dir.resolve("secrets.p12"), dir.resolve("key"),
                    Map.<String, String>of()::get)).resolve(ConnectionProfile.local());
            Map<ServiceKind, ServiceHealth> health = HealthCheck.checkAll(target, TIMEOUT);
            health.values().forEach(h -> assertEquals(ServiceHealth.State.UP, h.state(), h.service() + ": " + h.summary()));
            assertTrue(health.get(ServiceKind.REDIS).details().get("URI").endsWith("(TLS)"));
            assertTrue(health.get(ServiceKind.ZOOKEEPER).details().get("Connect string").endsWith("(TLS)"));

            ConnectionTarget plain = new ConnectionTarget("plain", target.hdfsUri(), null, null, target.zooKeeperConnect(), "/tessera", null, null,
                    target.redisUri().replace("rediss://", "redis://"), null, target.redisPassword(), false);
            assertDown(HealthCheck.check(ServiceKind.REDIS, plain, TIMEOUT), "speaks only TLS");
            assertDown(HealthCheck.check(ServiceKind.ZOOKEEPER, plain, TIMEOUT), "speaks only TLS");
            TlsConfig noCertificate = new TlsConfig(LocalCertificates.dirIn(data).resolve("ca.pem"), null, null, null, true);
            assertDown(HealthCheck.check(ServiceKind.REDIS, target.withTls(noCertificate, noCertificate), TIMEOUT), "wants a client certificate");

            DispatchKeys keys = new DispatchKeys("secure-local:");
            DispatchSettings settings = DispatchSettings.defaults();
            try (ClusterConnection connection = new ClusterConnection(target);
                 ClusterConnection own = new ClusterConnection(target);
                 Worker worker = Worker.start(own, WorkerOptions.defaults(1).withKeys(keys, settings))) {
                ExactJob.upload(connection.fileSystem(), "/secure/in", ExactJob.smallImages(6));
                ExactJob job = ExactJob.submit(connection, keys, settings, new JobRequest("secure-local", "/secure/in", "/secure/out",
                        Pipeline.parse(List.of("thumbnail:24"), "png"), Priority.NORMAL, new ShardLimits(3, 0), 3));
                job.assertFinishedExactly(new JobCounts(2, 6, 2, 6, 0, 0, 0, 0));
            }
        }
    }
}
