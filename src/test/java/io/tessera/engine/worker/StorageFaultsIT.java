package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.dispatch.Await;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.ImageOutcome;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventReplay;
import io.tessera.engine.events.EventType;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TcpProxy;
import io.tessera.testing.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.HdfsConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage faults on the embedded HDFS, through a real job and an in-process worker: errors that cannot succeed on
 * retry (a name too long, permission denied, a quota used up, an input over the size cap) fail the images they hit,
 * with their reasons, while the rest of the batch is written; trouble that passes (the NameNode unreachable for a
 * moment) retries the task.
 */
class StorageFaultsIT {
    private static final Pipeline THUMBNAIL = Pipeline.parse(List.of("thumbnail:32"), "png");
    private static final String LIMIT_NOTE = "the limit is 255 bytes per name (dfs.namenode.fs-limits.max-component-length)";

    private static ClusterConnection admin;
    private static FileSystem fs;
    private static DispatchKeys keys;
    private static DispatchSettings settings;
    @TempDir Path confDir;

    @BeforeAll
    static void connect() throws IOException {
        admin = new ClusterConnection(SharedCluster.target());
        fs = admin.fileSystem();
        keys = new DispatchKeys("storage-" + UUID.randomUUID().toString().substring(0, 8) + ":");
        settings = DispatchSettings.defaults().withPrefetch(2).withRetries(5, Duration.ofMillis(300), Duration.ofSeconds(1));
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void oneOverLongNameInABatchOfSixFailsThatImageAloneAndTheOtherFiveAreWritten() throws Exception {
        String base = folder();
        String longest = "x".repeat(248) + ".jpg"; // 252 bytes: its output name, with ".png", is 256
        String shortTemporaryWasEnough = "y".repeat(226) + ".jpg"; // 230 bytes: failed with the old temporary names
        Map<String, byte[]> inputs = new TreeMap<>(Map.of("a.jpg", TestImages.jpeg(64, 48), "b.jpg", TestImages.noisyJpeg(80, 60, 1),
                "c.png", TestImages.png(40, 40), "d.jpg", TestImages.jpeg(50, 50), shortTemporaryWasEnough, TestImages.jpeg(30, 20),
                longest, TestImages.jpeg(30, 20)));
        write(base + "/in", inputs);

        Run run = run(admin, base, 6);

        assertEquals(new JobCounts(1, 6, 1, 5, 1, 0, 0, 0), run.status.counts(), "one failed image, no retry, no dead letter");
        assertEquals(List.of(new ImageOutcome.Failed(base + "/in/" + longest, "output name too long for HDFS: 256 bytes, " + LIMIT_NOTE)), run.failures);
        assertEquals(List.of(), run.submission.dispatcher().deadLetters(run.job));
        assertOutputs(base + "/out", inputs.keySet().stream().filter(n -> !n.equals(longest)).map(n -> n + ".png").toList());
    }

    @Test
    void permissionDeniedOnAnOutputFolderFailsTheImagesGoingThereNotTheTask() throws Exception {
        String base = folder();
        write(base + "/in", Map.of("open/a.jpg", TestImages.jpeg(64, 48), "open/b.jpg", TestImages.jpeg(50, 40), "open/c.jpg", TestImages.jpeg(40, 30),
                "locked/d.jpg", TestImages.jpeg(64, 48), "locked/e.jpg", TestImages.jpeg(50, 40), "locked/f.jpg", TestImages.jpeg(40, 30)));
        mkdir(base + "/out", 0777);
        mkdir(base + "/out/locked", 0755); // the superuser's: another user may not write in it
        ConnectionTarget shared = SharedCluster.target();
        ConnectionTarget asMallory = new ConnectionTarget(shared.profileName(), shared.hdfsUri(), shared.hdfsConfDir(), "mallory",
                shared.zooKeeperConnect(), shared.zooKeeperChroot(), shared.zooKeeperDigestUser(), shared.zooKeeperDigestPassword(),
                shared.redisUri(), shared.redisUser(), shared.redisPassword(), shared.redisTls());

        Run run;
        try (ClusterConnection mallory = new ClusterConnection(asMallory)) {
            run = run(mallory, base, 6);
        }

        assertEquals(new JobCounts(1, 6, 1, 3, 3, 0, 0, 0), run.status.counts());
        String reason = "permission denied writing " + base + "/out/locked (user mallory lacks write)";
        assertEquals(List.of("locked/d.jpg: " + reason, "locked/e.jpg: " + reason, "locked/f.jpg: " + reason), lines(run.failures, base));
        assertOutputs(base + "/out", List.of("open/a.jpg.png", "open/b.jpg.png", "open/c.jpg.png"));
    }

    @Test
    void quotasUsedUpFailTheImagesTheyStopNotTheTask() throws Exception {
        String base = folder();
        write(base + "/in", Map.of("few/a.jpg", TestImages.jpeg(64, 48), "few/b.jpg", TestImages.jpeg(50, 40), "few/c.jpg", TestImages.jpeg(40, 30),
                "full/d.jpg", TestImages.jpeg(64, 48), "full/e.jpg", TestImages.jpeg(50, 40), "full/f.jpg", TestImages.jpeg(40, 30)));
        DistributedFileSystem dfs = (DistributedFileSystem) fs;
        mkdir(base + "/out/few", 0755);
        mkdir(base + "/out/full", 0755);
        dfs.setQuota(new org.apache.hadoop.fs.Path(base + "/out/few"), 3, HdfsConstants.QUOTA_DONT_SET); // the folder and two files
        dfs.setQuota(new org.apache.hadoop.fs.Path(base + "/out/full"), HdfsConstants.QUOTA_DONT_SET, 1); // not one block

        Run run = run(admin, base, 6);

        assertEquals(new JobCounts(1, 6, 1, 2, 4, 0, 0, 0), run.status.counts());
        String space = "space quota exceeded on " + base + "/out/full: no room for this output";
        List<String> failures = lines(run.failures, base);
        // a task's images run side by side: whichever of few/ came to create its output last found no room
        String count = failures.getFirst();
        String refused = count.substring("few/".length(), "few/a.jpg".length());
        assertTrue(List.of("a.jpg", "b.jpg", "c.jpg").contains(refused), count);
        assertEquals(List.of("few/" + refused + ": file count quota exceeded on " + base + "/out/few: no room for another file",
                "full/d.jpg: " + space, "full/e.jpg: " + space, "full/f.jpg: " + space), failures);
        assertOutputs(base + "/out", java.util.stream.Stream.of("a.jpg", "b.jpg", "c.jpg").filter(n -> !n.equals(refused)).map(n -> "few/" + n + ".png").toList());
    }

    @Test
    void aNameNodeUnreachableForAMomentRetriesTheTaskWhichThenCompletes() throws Exception {
        String base = folder();
        Map<String, byte[]> inputs = Map.of("a.jpg", TestImages.jpeg(64, 48), "b.jpg", TestImages.jpeg(50, 40), "c.jpg", TestImages.jpeg(40, 30),
                "d.jpg", TestImages.jpeg(64, 48), "e.jpg", TestImages.jpeg(50, 40), "f.jpg", TestImages.jpeg(40, 30));
        write(base + "/in", inputs);
        URI nameNode = URI.create(SharedCluster.target().hdfsUri());
        // the worker's client gives up at once (a real one retries a while first; the task retry is what is tested here)
        Files.writeString(confDir.resolve("core-site.xml"), """
                <configuration>
                  <property><name>ipc.client.connect.max.retries</name><value>0</value></property>
                  <property><name>ipc.client.connect.max.retries.on.timeouts</name><value>0</value></property>
                </configuration>
                """);
        try (TcpProxy proxy = TcpProxy.to(nameNode.getHost(), nameNode.getPort())) {
            ConnectionTarget shared = SharedCluster.target();
            ConnectionTarget viaProxy = new ConnectionTarget(shared.profileName(), "hdfs://" + nameNode.getHost() + ":" + proxy.port(), confDir.toString(),
                    shared.hdfsUser(), shared.zooKeeperConnect(), shared.zooKeeperChroot(), shared.zooKeeperDigestUser(), shared.zooKeeperDigestPassword(),
                    shared.redisUri(), shared.redisUser(), shared.redisPassword(), shared.redisTls());
            proxy.cut();
            Run run;
            try (ClusterConnection worker = new ClusterConnection(viaProxy)) {
                run = run(worker, base, 6, submitted -> {
                    Await.until(Duration.ofSeconds(60), () -> status(submitted).counts().retried() >= 1, () -> status(submitted).toString());
                    proxy.restore();
                });
            }
            JobCounts counts = run.status.counts();
            assertEquals(List.of(1L, 6L, 1L, 6L, 0L, 0L), List.of(counts.tasks(), counts.images(), counts.tasksDone(), counts.done(), counts.failed(), counts.dead()),
                    counts.toString());
            assertTrue(counts.retried() >= 1 && counts.retried() <= 4, counts.toString());
            Event retry = new EventReplay(admin.redis(), keys.events()).after(null, 10_000).stream()
                    .filter(e -> run.job.equals(e.job()) && e.type() == EventType.TASK_RETRY).findFirst().orElseThrow();
            assertTrue(retry.reason().startsWith("cannot read " + base + "/in/a.jpg: "), retry.reason());
        }
        assertOutputs(base + "/out", inputs.keySet().stream().sorted().map(n -> n + ".png").toList());
    }

    @Test
    void anInputOverTheProfilesLargestInputSizeFailsThatImageOnly() throws Exception {
        String base = folder();
        write(base + "/in", Map.of("small.jpg", TestImages.jpeg(64, 48), "large.jpg", TestImages.noisyJpeg(1600, 1200, 7)));
        long large = fs.getFileStatus(new org.apache.hadoop.fs.Path(base + "/in/large.jpg")).getLen();
        assertTrue(large > 1024 * 1024, "the noisy JPEG is over 1 MB: " + large);

        Run run = run(admin, base, 6, options -> options.withMaxInputBytes(1024 * 1024), submitted -> { });

        assertEquals(new JobCounts(1, 2, 1, 1, 1, 0, 0, 0), run.status.counts());
        assertEquals(List.of("large.jpg: too large: " + large + " bytes, over the largest input size of 1 MB (a profile setting)"), lines(run.failures, base));
        assertOutputs(base + "/out", List.of("small.jpg.png"));
    }

    /** A submitted job and what became of it. */
    private record Run(String job, JobSubmission submission, JobStatus status, List<ImageOutcome.Failed> failures) {}

    /** What a test does while the worker runs, before waiting for the job to finish. */
    private interface During {
        void accept(Submitted submitted) throws Exception;
    }

    private record Submitted(String job, JobSubmission submission) {}

    private static Run run(ClusterConnection workerConnection, String base, int batch) throws Exception {
        return run(workerConnection, base, batch, UnaryOperator.identity(), submitted -> { });
    }

    private static Run run(ClusterConnection workerConnection, String base, int batch, During during) throws Exception {
        return run(workerConnection, base, batch, UnaryOperator.identity(), during);
    }

    /** Plans and submits with the admin connection, runs one in-process worker on {@code workerConnection} until the job finished. */
    private static Run run(ClusterConnection workerConnection, String base, int batch, UnaryOperator<WorkerOptions> options, During during)
            throws Exception {
        String job = "storage-" + UUID.randomUUID().toString().substring(0, 8);
        JobSubmission submission = new JobSubmission(admin, keys, settings);
        submission.submit(new JobRequest(job, base + "/in", base + "/out", THUMBNAIL, Priority.NORMAL, new ShardLimits(100, 0), batch));
        JobStatus status;
        try (Worker worker = Worker.start(workerConnection, options.apply(WorkerOptions.defaults(2).withKeys(keys, settings)))) {
            during.accept(new Submitted(job, submission));
            status = submission.await(job, Duration.ofMillis(50), Duration.ofMinutes(2), s -> { });
            assertNotNull(worker.id());
        }
        assertEquals(JobState.FINISHED, status.state(), status.toString());
        return new Run(job, submission, status, submission.failures(job, 100));
    }

    private static JobStatus status(Submitted submitted) {
        return submitted.submission().dispatcher().status(submitted.job()).orElseThrow();
    }

    private static String folder() {
        return "/it-storage/" + UUID.randomUUID();
    }

    private static void write(String folder, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            try (FSDataOutputStream out = fs.create(new org.apache.hadoop.fs.Path(folder + "/" + file.getKey()))) {
                out.write(file.getValue());
            }
        }
    }

    private static void mkdir(String folder, int mode) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(folder);
        fs.mkdirs(path);
        fs.setPermission(path, new FsPermission((short) mode));
    }

    private static List<String> lines(List<ImageOutcome.Failed> failures, String base) {
        return failures.stream().map(f -> f.input().substring((base + "/in/").length()) + ": " + f.reason()).sorted().toList();
    }

    /** Exactly these files under the output folder (no temporaries, hidden or not), each decoding as an image. */
    private static void assertOutputs(String folder, List<String> expected) throws IOException {
        List<String> found = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(new org.apache.hadoop.fs.Path(folder), true);
        while (it.hasNext()) {
            found.add(it.next().getPath().toUri().getPath().substring(folder.length() + 1));
        }
        assertEquals(expected.stream().sorted().toList(), found.stream().sorted().toList());
        for (String name : found) {
            try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(folder + "/" + name))) {
                assertNotNull(ImageIO.read(in), name + " decodes as an image");
            }
        }
    }
}
