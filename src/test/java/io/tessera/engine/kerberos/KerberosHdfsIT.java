package io.tessera.engine.kerberos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionErrors;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.profile.KerberosSettings;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.JobSubmission;
import io.tessera.engine.worker.Worker;
import io.tessera.engine.worker.WorkerOptions;
import io.tessera.testing.JvmProcess;
import io.tessera.testing.ProfileHome;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.keytab.Keytab;
import org.apache.kerby.kerberos.kerb.keytab.KeytabEntry;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Kerberos for HDFS against a real KDC and a secure HDFS with privacy on (RPC and data transfer), in the same JVM as
 * the shared simple cluster (whose ZooKeeper and Redis the job uses): a keytab profile writes, reads back and runs a job;
 * a ticket cache without a ticket, a keytab without the principal or with a stale key, a profile without Kerberos and a
 * profile whose RPC protection differs from the cluster's each fail with one line that says what to do.
 */
@Timeout(120)
class KerberosHdfsIT {
    private static SecureHdfs hdfs;
    private static Path aliceKeytab;
    private static String folder;

    @BeforeAll
    static void start() throws Exception {
        SharedCluster.get(); // first: its NameNode sets the JVM's security mode to simple when it starts
        Path base = Path.of(System.getProperty("tessera.test.tmp", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(base);
        hdfs = SecureHdfs.start(Files.createTempDirectory(base, "secure-hdfs-"));
        aliceKeytab = hdfs.addUser("alice");
        // the HDFS superuser (the service principal, through a keytab profile of its own) gives alice a folder
        folder = "/kerberos-it/" + UUID.randomUUID();
        try (FileSystem admin = new ClusterConnection(target(KerberosSettings.keytab(hdfs.servicePrincipal(), hdfs.serviceKeytab().toString())))
                .fileSystem()) {
            admin.mkdirs(new org.apache.hadoop.fs.Path(folder), FsPermission.createImmutable((short) 0755));
            admin.setOwner(new org.apache.hadoop.fs.Path(folder), "alice", null);
        }
    }

    @AfterAll
    static void stop() {
        if (hdfs != null) {
            hdfs.close();
        }
    }

    private static ConnectionTarget target(KerberosSettings kerberos) {
        return target(kerberos, hdfs.clientConfDir());
    }

    private static ConnectionTarget target(KerberosSettings kerberos, Path confDir) {
        ConnectionTarget shared = SharedCluster.target();
        return new ConnectionTarget("secure-it", hdfs.uri(), confDir.toString(), null, shared.zooKeeperConnect(), "/t-" + UUID.randomUUID(),
                null, null, shared.redisUri(), null, shared.redisPassword(), false, false, kerberos);
    }

    @Test
    void aKeytabProfileWritesReadsBackAndRunsAJobOverPrivacy() throws Exception {
        ConnectionTarget alice = target(KerberosSettings.keytab(hdfs.principal("alice"), aliceKeytab.toString()));
        try (ClusterConnection connection = new ClusterConnection(alice)) {
            HdfsIdentity identity = connection.hdfsIdentity();
            assertEquals("alice@" + hdfs.realm() + " (Kerberos, keytab)", identity.describe());
            assertEquals(null, identity.warning(), "the keytab is owner-only");

            FileSystem fs = connection.fileSystem();
            String input = folder + "/in";
            byte[] photo = TestImages.noisyJpeg(320, 240, 7);
            try (FSDataOutputStream out = fs.create(new org.apache.hadoop.fs.Path(input + "/photo.jpg"))) {
                out.write(photo);
            }
            try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(input + "/photo.jpg"))) {
                assertArrayEquals(photo, in.readAllBytes(), "read back through SASL data transfer with privacy");
            }
            assertEquals("alice", fs.getFileStatus(new org.apache.hadoop.fs.Path(input + "/photo.jpg")).getOwner());

            DispatchKeys keys = new DispatchKeys("krb-" + UUID.randomUUID().toString().substring(0, 8) + ":");
            DispatchSettings settings = DispatchSettings.defaults().withRetries(2, Duration.ofMillis(50), Duration.ofMillis(200));
            String job = "krb-" + UUID.randomUUID().toString().substring(0, 8);
            JobRequest request = new JobRequest(job, input, null, Pipeline.parse(List.of("thumbnail:64", "format:png"), null),
                    Priority.HIGH, new ShardLimits(4, 0), 2);
            JobSubmission submission = new JobSubmission(connection, keys, settings);
            String output = submission.estimate(request).output();
            submission.submit(request);
            JobStatus status;
            try (Worker worker = Worker.start(connection, WorkerOptions.defaults(1).withKeys(keys, settings))) {
                status = submission.await(job, Duration.ofMillis(100), Duration.ofSeconds(60), s -> { });
            }
            assertEquals(JobState.FINISHED, status.state(), status.toString());
            assertEquals(1L, status.counts().done(), status.toString());
            List<String> outputs = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(new org.apache.hadoop.fs.Path(output), true);
            while (it.hasNext()) {
                outputs.add(it.next().getPath().getName());
            }
            assertEquals(List.of("photo.jpg.png"), outputs);
            try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(output + "/photo.jpg.png"))) {
                BufferedImage thumbnail = ImageIO.read(in);
                assertNotNull(thumbnail, "the output decodes");
                assertEquals(64, Math.max(thumbnail.getWidth(), thumbnail.getHeight()));
            }
        }
    }

    @Test
    void theSharedSimpleClusterStillWorksInThisNowKerberosJvm() throws Exception {
        assertTrue(org.apache.hadoop.security.UserGroupInformation.isSecurityEnabled(), "a Kerberos profile signed in: the JVM is in Kerberos mode");
        try (ClusterConnection local = new ClusterConnection(SharedCluster.target())) {
            assertEquals("(simple)", local.hdfsIdentity().describe().replaceFirst("^.* ", ""));
            FileSystem fs = local.fileSystem();
            org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path("/kerberos-it-simple/" + UUID.randomUUID());
            byte[] bytes = TestImages.jpeg(64, 48);
            try (FSDataOutputStream out = fs.create(file)) {
                out.write(bytes);
            }
            try (InputStream in = fs.open(file)) {
                assertArrayEquals(bytes, in.readAllBytes(), "the embedded DataNode still takes unsecured transfers");
            }
            fs.delete(file.getParent(), true);
        }
    }

    @Test
    void aKeytabWithoutThePrincipalIsAWrongKeytab() {
        IOException e = assertThrows(IOException.class,
                () -> new ClusterConnection(target(KerberosSettings.keytab(hdfs.principal("bob"), aliceKeytab.toString()))).fileSystem());
        assertEquals("wrong keytab: " + aliceKeytab + " holds no key for bob@" + hdfs.realm(), e.getMessage());
    }

    @Test
    void aKeytabWithAStaleKeyIsAWrongKeytab() throws Exception {
        Path real = hdfs.addUser("carol");
        Path stale = real.resolveSibling("carol-stale.keytab");
        Keytab keytab = Keytab.loadKeytab(real.toFile());
        Keytab other = new Keytab();
        for (PrincipalName principal : keytab.getPrincipals()) {
            for (KeytabEntry entry : keytab.getKeytabEntries(principal)) {
                other.addEntry(new KeytabEntry(principal, entry.getTimestamp(), entry.getKvno(), EncryptionHandler.random2Key(entry.getKey().getKeyType())));
            }
        }
        other.store(stale.toFile());
        IOException e = assertThrows(IOException.class,
                () -> new ClusterConnection(target(KerberosSettings.keytab(hdfs.principal("carol"), stale.toString()))).fileSystem());
        assertEquals("the KDC refused the keytab's key for carol@" + hdfs.realm() + ": the keytab is out of date (export it again),"
                + " or this machine's clock is more than 5 minutes off the KDC's (set the time: NTP)", e.getMessage());
    }

    @Test
    void aKeytabOthersCanReadSignsInWithAWarning() throws Exception {
        Path keytab = hdfs.addUser("dave");
        Files.setPosixFilePermissions(keytab, PosixFilePermissions.fromString("rw-r--r--"));
        HdfsIdentity identity = new ClusterConnection(target(KerberosSettings.keytab(hdfs.principal("dave"), keytab.toString()))).hdfsIdentity();
        assertEquals("dave@" + hdfs.realm() + " (Kerberos, keytab)", identity.describe());
        assertEquals("the keytab " + keytab + " is readable by every user: anyone who can read it can act as its principal (chmod 600 " + keytab + ")",
                identity.warning());
    }

    @Test
    void aTicketCacheProfileActsAsTheCachesPrincipal() throws Exception {
        Path cache = hdfs.kinit("alice", aliceKeytab, 3600);
        try (ClusterConnection connection = new ClusterConnection(target(KerberosSettings.ticketCache(null, cache.toString())))) {
            assertEquals("alice@" + hdfs.realm() + " (Kerberos, ticket cache)", connection.hdfsIdentity().describe());
            assertEquals("alice", connection.fileSystem().getFileStatus(new org.apache.hadoop.fs.Path(folder)).getOwner());
        }
    }

    @Test
    void anExpiredTicketSaysRunKinit() throws Exception {
        Path cache = hdfs.kinit("alice", aliceKeytab, 2); // the KDC's clock has whole seconds: 1 s can end before it starts
        Thread.sleep(3_000); // past the ticket's end
        IOException e = assertThrows(IOException.class,
                () -> new ClusterConnection(target(KerberosSettings.ticketCache(null, cache.toString()))).fileSystem());
        assertEquals("no valid Kerberos ticket in the ticket cache " + cache + " (none, or expired): run kinit, or give the profile a keytab",
                e.getMessage());
    }

    @Test
    void aTicketCacheWithoutATicketSaysRunKinit() {
        Path cache = hdfs.clientConfDir().resolveSibling("no-such-ccache");
        IOException e = assertThrows(IOException.class,
                () -> new ClusterConnection(target(KerberosSettings.ticketCache(hdfs.principal("alice"), cache.toString()))).fileSystem());
        assertEquals("no valid Kerberos ticket in the ticket cache " + cache + " (none, or expired): run kinit alice@" + hdfs.realm()
                + ", or give the profile a keytab", e.getMessage());
    }

    @Test
    void aProfileWithoutKerberosIsToldTheClusterRequiresIt() {
        IOException e = assertThrows(IOException.class, () -> {
            try (ClusterConnection simple = new ClusterConnection(target(null))) {
                simple.fileSystem().getFileStatus(new org.apache.hadoop.fs.Path("/"));
            }
        });
        assertEquals("HDFS: this HDFS requires Kerberos: give the profile a principal and keytab, or use the ticket cache (kinit)",
                ConnectionErrors.describe(ServiceKind.HDFS, hdfs.uri(), e));
    }

    @Test
    void anRpcProtectionBelowTheClustersIsNamed() throws Exception {
        Path conf = hdfs.clientConfDir().resolveSibling("client-conf-authentication");
        hdfs.writeClientConf(conf, "authentication");
        IOException e = assertThrows(IOException.class, () -> {
            try (ClusterConnection weak = new ClusterConnection(target(KerberosSettings.keytab(hdfs.principal("alice"), aliceKeytab.toString()), conf))) {
                weak.fileSystem().getFileStatus(new org.apache.hadoop.fs.Path("/"));
            }
        });
        assertTrue(ConnectionErrors.describe(ServiceKind.HDFS, hdfs.uri(), e).startsWith("HDFS: the cluster wants another RPC protection"),
                ConnectionErrors.describe(ServiceKind.HDFS, hdfs.uri(), e));
    }

    /**
     * A real skew: `tessera check` in a JVM whose clock runs 15 minutes behind (libfaketime preloaded; .ci/run installs
     * it), against this JVM's KDC. Kerby's KDC answers the skewed timestamp with PREAUTH_FAILED, as for a wrong key (MIT
     * and Active Directory say KRB_AP_ERR_SKEW, which KerberosErrorsTest covers), so the one line names the clock too.
     */
    @Test
    void aClockFifteenMinutesOffTheKdcsIsNamed() throws Exception {
        Path libfaketime = Libfaketime.find();
        Assumptions.assumeTrue(libfaketime != null, "libfaketime is not installed (apt-get install faketime; .ci/run does)");
        Path home = ProfileHome.with("skewed", target(KerberosSettings.keytab(hdfs.principal("alice"), aliceKeytab.toString())));
        Map<String, String> behind = Map.of("LD_PRELOAD", libfaketime.toString(), "FAKETIME", "-15m", "FAKETIME_DONT_FAKE_MONOTONIC", "1");
        try (JvmProcess check = JvmProcess.main(home, behind, List.of("-Djava.security.krb5.conf=" + hdfs.krb5Conf()),
                "io.tessera.cli.TesseraCommand", "check", "--profile", "skewed", "--timeout", "30")) {
            String line = check.awaitLine("HDFS", Duration.ofSeconds(90));
            assertTrue(line.contains("HDFS: the KDC refused the keytab's key for alice@" + hdfs.realm() + ": the keytab is out of date (export it again),"
                    + " or this machine's clock is more than 5 minutes off the KDC's (set the time: NTP)"),
                    String.join("\n", check.output()) + "\n" + line);
            assertTrue(check.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(1, check.process().exitValue(), "HDFS down: exit 1");
        }
    }
}
