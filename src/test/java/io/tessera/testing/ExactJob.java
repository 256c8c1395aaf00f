package io.tessera.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.engine.chaos.JobAudit;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardState;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.JobSubmission;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A real job run through a fault, and what every fault test demands of it once it is over: FINISHED with
 * exactly the expected counters and no dead letters; every input with exactly one outcome event; every good
 * input with exactly one output, which decodes as an image; no temporaries and nothing else in the output
 * folder; every shard ended DONE or FAILED with its counts. The judging is the engine's {@link JobAudit},
 * the same that {@code tessera bench chaos} reports with.
 */
public final class ExactJob {
    /** Generous: on a 2-core machine shared with other builds (load 20–37 seen) every phase stretches many times. */
    public static final Duration PATIENCE = Duration.ofMinutes(4);

    private final ClusterConnection connection;
    private final DispatchKeys keys;
    private final JobSubmission submission;
    private final JobRequest request;

    private ExactJob(ClusterConnection connection, DispatchKeys keys, JobSubmission submission, JobRequest request) {
        this.connection = connection;
        this.keys = keys;
        this.submission = submission;
        this.request = request;
    }

    /** Plans (in ZooKeeper) and dispatches the job. */
    public static ExactJob submit(ClusterConnection connection, DispatchKeys keys, DispatchSettings settings, JobRequest request) throws IOException {
        JobSubmission submission = new JobSubmission(connection, keys, settings);
        submission.submit(request);
        return new ExactJob(connection, keys, submission, request);
    }

    /** {@code count} small, distinct JPEGs named {@code img-0000.jpg}…, in name order. */
    public static Map<String, byte[]> smallImages(int count) {
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            images.put(String.format("img-%04d.jpg", i), TestImages.noisyJpeg(48, 36, i));
        }
        return images;
    }

    /** Writes the files (names relative to {@code folder}) on 8 threads. */
    public static void upload(FileSystem fs, String folder, Map<String, byte[]> files) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> writes = new ArrayList<>();
            files.forEach((name, bytes) -> writes.add(pool.submit(() -> {
                try (FSDataOutputStream out = fs.create(new Path(folder + "/" + name))) {
                    out.write(bytes);
                }
                return null;
            })));
            for (Future<?> write : writes) {
                write.get();
            }
        }
    }

    public String id() {
        return request.jobId();
    }

    public JobSubmission submission() {
        return submission;
    }

    public JobCounts counts() {
        return submission.dispatcher().status(id()).orElseThrow().counts();
    }

    /** Waits until at least {@code images} images are done or failed: the moment to strike. */
    public JobCounts awaitSettledImages(long images) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JobCounts counts = counts();
            if (counts.done() + counts.failed() >= images) {
                return counts;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the workers did not get to " + images + " images within " + PATIENCE + ": " + counts);
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits for the job to finish and checks everything listed in the class comment.
     *
     * @param expected the exact counters, retries included
     * @return the audit, for checks of a test's own
     */
    public JobAudit.Report assertFinishedExactly(JobCounts expected) throws Exception {
        JobStatus finished = submission.await(id(), Duration.ofMillis(100), PATIENCE, s -> { });
        assertEquals(JobState.FINISHED, finished.state(), finished.toString());
        assertEquals(expected, finished.counts());
        assertEquals(List.of(), submission.dispatcher().deadLetters(id()), "no task died");

        JobAudit.Report audit = JobAudit.of(connection, keys, id(), request.recipe());
        assertEquals(expected.images(), audit.inputs(), audit.toString());
        assertEquals(List.of(), audit.lost(), "lost: no decodable output and no failure record");
        assertEquals(List.of(), audit.duplicated(), "more than one outcome or output");
        assertEquals(List.of(), audit.unrecorded(), "inputs without an outcome event");
        assertEquals(List.of(), audit.undecodable(), "outputs that do not decode as an image");
        assertEquals(List.of(), audit.temporaries(), "temporaries left behind");
        assertEquals(List.of(), audit.strays(), "files in the output folder that belong to no input");
        assertEquals(expected.done(), audit.outputs(), "one decodable output per good input");
        assertEquals(expected.failed(), audit.failed(), "one failure record per bad input");

        List<ShardRecord> shards = awaitShardsEnded();
        assertEquals(expected.images(), shards.stream().mapToInt(s -> s.done() + s.failed()).sum(), shards.toString());
        assertEquals(expected.failed(), shards.stream().mapToInt(ShardRecord::failed).sum(), shards.toString());
        for (ShardRecord shard : shards) {
            assertEquals(shard.failed() == 0 ? ShardState.DONE : ShardState.FAILED, shard.state(), shard.toString());
        }
        return audit;
    }

    /** The shards of the job once every one is DONE or FAILED in ZooKeeper. */
    public List<ShardRecord> awaitShardsEnded() throws Exception {
        PlanStore plans = PlanStore.of(connection);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<ShardRecord> shards = plans.read(id()).orElseThrow().shards();
            if (shards.stream().allMatch(s -> s.state() == ShardState.DONE || s.state() == ShardState.FAILED)) {
                return shards;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("shards not all ended: " + shards.stream()
                        .map(s -> s.index() + " " + s.state() + " " + s.owner() + " " + s.done() + "/" + s.failed()).toList());
            }
            Thread.sleep(100);
        }
    }
}
