package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.events.EventReplay;
import io.tessera.engine.events.EventType;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.worker.FatalErrorPolicy;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.JobSubmission;
import io.tessera.testing.JvmProcess;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * A real out-of-memory error in a real `tessera worker`: a worker with a 96 MB heap meets a valid 100 MB PNG (a small
 * picture with a large private chunk), which it is allowed to read (the cap is 128 MB) but cannot hold (inputs are read
 * into native memory, which JavaCPP caps at the heap's size unless told otherwise). It fails that
 * task with the reason, hands the rest of its tasks back and exits with code 3; a second worker retries the task and
 * takes the handed-back ones at once (its visibility timeout is the default minute): the job finishes with exact
 * counters and one decodable output per input.
 */
class WorkerOutOfMemoryIT {
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final int PADDING = 100 * 1024 * 1024;

    @Test
    void aWorkerThatRunsOutOfMemoryExitsWithItsCodeAndAnotherFinishesTheJobExactly() throws Exception {
        Path home = SharedCluster.directories().data().getParent();
        String prefix = "oom-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        DispatchKeys keys = new DispatchKeys(prefix);
        String job = "oom-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "/it-oom/" + UUID.randomUUID();
        try (ClusterConnection connection = new ClusterConnection(SharedCluster.target());
             JvmProcess small = JvmProcess.tesseraWithHeap("96m", home, "worker", "--threads", "1", "--key-prefix", prefix)) {
            FileSystem fs = connection.fileSystem();
            List<String> names = new ArrayList<>(List.of("a-big.png"));
            writePaddedPng(fs, base + "/in/a-big.png");
            for (int i = 0; i < 8; i++) {
                names.add("b-" + i + ".jpg");
                try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(base + "/in/b-" + i + ".jpg"))) {
                    out.write(TestImages.noisyJpeg(120, 90, i));
                }
            }
            String started = small.awaitLine("running with 1 threads", Duration.ofSeconds(120));
            assertTrue(started.contains("(inputs up to 128 MB)"), "the Local profile's default input cap reaches the worker: " + started);
            String smallId = started.split(" ")[1];
            JobSubmission submission = new JobSubmission(connection, keys, DispatchSettings.defaults());
            submission.submit(new JobRequest(job, base + "/in", base + "/out", Pipeline.parse(List.of("thumbnail:32"), "png"),
                    Priority.NORMAL, new ShardLimits(100, 0), 3));

            String exit = small.awaitLine("exits with code " + FatalErrorPolicy.EXIT_CODE, PATIENCE);
            assertTrue(exit.contains("java.lang.OutOfMemoryError"), exit);
            assertTrue(small.process().waitFor(60, TimeUnit.SECONDS), "the worker process ended");
            assertEquals(FatalErrorPolicy.EXIT_CODE, small.process().exitValue());
            List<StreamPendingEntry> handedBack = connection.redis().xpending(keys.tasks(Priority.NORMAL), DispatchKeys.GROUP,
                    XPendingParams.xPendingParams().count(100).consumer(smallId));
            assertTrue(!handedBack.isEmpty(), "it had read tasks ahead");
            assertTrue(handedBack.stream().allMatch(p -> p.getIdleTime() >= Duration.ofHours(23).toMillis()),
                    "what it held is handed back: marked idle past any visibility timeout");

            try (JvmProcess second = JvmProcess.tessera(home, "worker", "--threads", "2", "--key-prefix", prefix)) {
                second.awaitLine("running with 2 threads", Duration.ofSeconds(120));
                JobStatus finished = submission.await(job, Duration.ofMillis(200), PATIENCE, s -> { });
                assertEquals(JobState.FINISHED, finished.state(), finished.toString());
                assertEquals(new JobCounts(3, 9, 3, 9, 0, 1, 0, 0), finished.counts(), "the task that ran out of memory was retried once");
            }
            String retried = new EventReplay(connection.redis(), keys.events()).after(null, 10_000).stream()
                    .filter(e -> job.equals(e.job()) && e.type() == EventType.TASK_RETRY).findFirst().orElseThrow().reason();
            assertTrue(retried.matches("the worker ran out of memory \\(Cannot allocate new BytePointer\\(\\d+\\).*\\) during this task"), retried);
            assertEquals(List.of(), submission.failures(job, 100));
            assertEquals(List.of(), submission.dispatcher().deadLetters(job));
            assertOneDecodableOutputEach(fs, base + "/out", names);
        }
    }

    private static void assertOneDecodableOutputEach(FileSystem fs, String folder, List<String> inputs) throws IOException {
        List<String> found = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(new org.apache.hadoop.fs.Path(folder), true);
        while (it.hasNext()) {
            found.add(it.next().getPath().getName());
        }
        assertEquals(inputs.stream().map(n -> n + ".png").sorted().toList(), found.stream().sorted().toList(), "one output each, no temporaries");
        for (String name : found) {
            try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(folder + "/" + name))) {
                assertNotNull(ImageIO.read(in), name + " decodes");
            }
        }
    }

    /** A valid PNG of a small picture with a {@value #PADDING}-byte private ancillary chunk before IEND, written as a stream. */
    private static void writePaddedPng(FileSystem fs, String path) throws IOException {
        byte[] png = TestImages.png(64, 48);
        int iend = png.length - 12; // length, "IEND", CRC
        assertEquals("IEND", new String(png, iend + 4, 4, StandardCharsets.US_ASCII));
        byte[] type = "tsTp".getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[1024 * 1024];
        Arrays.fill(block, (byte) 0x5a);
        CRC32 crc = new CRC32();
        crc.update(type);
        for (int i = 0; i < PADDING / block.length; i++) {
            crc.update(block);
        }
        try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(path))) {
            out.write(png, 0, iend);
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            new DataOutputStream(header).writeInt(PADDING);
            header.write(type);
            out.write(header.toByteArray());
            for (int i = 0; i < PADDING / block.length; i++) {
                out.write(block);
            }
            ByteArrayOutputStream trailer = new ByteArrayOutputStream();
            new DataOutputStream(trailer).writeInt((int) crc.getValue());
            out.write(trailer.toByteArray());
            out.write(png, iend, 12);
        }
    }
}
