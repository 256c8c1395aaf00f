package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.membership.WorkerDirectory;
import io.tessera.engine.membership.WorkerInfo;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.Test;

/** A worker's membership and figures, and its drain on close: what it took is finished, the rest waits for the next worker. */
class WorkerIT {
    private static final int IMAGES = 12;

    @Test
    void aClosedWorkerFinishesWhatItHoldsLeavesMembershipAndAnotherCompletesTheJob() throws Exception {
        try (ClusterConnection connection = new ClusterConnection(SharedCluster.target())) {
            FileSystem fs = connection.fileSystem();
            String base = "/it-worker/" + UUID.randomUUID();
            for (int i = 0; i < IMAGES; i++) {
                try (FSDataOutputStream out = fs.create(new Path(base + "/in/img-" + i + ".jpg"))) {
                    out.write(TestImages.noisyJpeg(500, 400, i));
                }
            }
            DispatchKeys keys = new DispatchKeys("wk-" + UUID.randomUUID().toString().substring(0, 8) + ":");
            DispatchSettings settings = DispatchSettings.defaults().withPrefetch(1);
            WorkerOptions options = new WorkerOptions(1, keys, settings.withHandlerThreads(1), ImageLimits.DEFAULT,
                    Duration.ofSeconds(30), Duration.ofMillis(200));
            JobSubmission submission = new JobSubmission(connection, keys, settings);
            String job = "drain-" + UUID.randomUUID().toString().substring(0, 8);
            JobRequest request = new JobRequest(job, base + "/in", base + "/out",
                    Pipeline.parse(List.of("blur:4", "stats"), "png"), Priority.NORMAL, new ShardLimits(100, 0), 1);
            submission.submit(request);
            WorkerDirectory directory = new WorkerDirectory(ZkAccess.of(connection));

            Worker first = Worker.start(connection, options);
            String firstId = first.id();
            assertTrue(directory.liveIds().contains(firstId));
            await(() -> first.counters().done() >= 2);
            await(() -> figuresOf(directory, firstId) >= 1);
            first.close();

            assertFalse(directory.liveIds().contains(firstId), "a drained worker leaves membership");
            JobStatus afterDrain = submission.dispatcher().status(job).orElseThrow();
            assertEquals(first.counters().done(), afterDrain.counts().done(), "every image it finished was acknowledged");
            assertEquals(afterDrain.counts().done(), files(fs, base + "/out").size());
            assertTrue(afterDrain.counts().done() < IMAGES, "closed before the job was over");

            try (Worker second = Worker.start(connection, options)) {
                JobStatus done = submission.await(job, Duration.ofMillis(100), Duration.ofSeconds(60), s -> { });
                assertEquals(JobState.FINISHED, done.state());
                assertEquals(IMAGES, done.counts().done());
                assertEquals(IMAGES - afterDrain.counts().done(), second.counters().done());
            }
            assertEquals(IMAGES, files(fs, base + "/out").size(), "one output per input, no temporaries");
        }
    }

    private static long figuresOf(WorkerDirectory directory, String id) throws IOException {
        return directory.workers().stream().filter(w -> w.id().equals(id)).map(WorkerInfo::figures)
                .mapToLong(f -> f == null ? 0 : f.imagesDone()).findFirst().orElse(0);
    }

    private static List<String> files(FileSystem fs, String folder) throws IOException {
        List<String> names = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(new Path(folder), true);
        while (it.hasNext()) {
            names.add(it.next().getPath().getName());
        }
        return names;
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
