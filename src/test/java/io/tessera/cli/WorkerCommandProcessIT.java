package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.membership.WorkerDirectory;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.JobSubmission;
import io.tessera.engine.worker.Worker;
import io.tessera.engine.worker.WorkerOptions;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.testing.JvmProcess;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tessera worker` as a real process on the shared cluster: it works, and SIGTERM drains it out of membership. */
class WorkerCommandProcessIT {
    private static final int IMAGES = 10;

    @Test
    void sigtermDrainsTheWorkerAndLeavesNothingHalfDone(@TempDir Path local) throws Exception {
        Path set = Files.createDirectories(local.resolve("set"));
        for (int i = 0; i < IMAGES; i++) {
            Files.write(set.resolve("img-" + i + ".jpg"), TestImages.noisyJpeg(500, 400, i));
        }
        Path home = SharedCluster.directories().data().getParent();
        String dest = "/test/worker-" + UUID.randomUUID();
        assertEquals(0, CliRun.run(home, "upload", set.toString(), dest).exitCode());
        String prefix = "wp-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        DispatchKeys keys = new DispatchKeys(prefix);
        String job = "proc-" + UUID.randomUUID().toString().substring(0, 8);

        try (ClusterConnection connection = new ClusterConnection(SharedCluster.target())) {
            JobSubmission submission = new JobSubmission(connection, keys, DispatchSettings.defaults());
            submission.submit(new JobRequest(job, dest + "/set", dest + "/out", Pipeline.parse(List.of("blur:4"), "png"),
                    Priority.NORMAL, new ShardLimits(100, 0), 1));
            WorkerDirectory directory = new WorkerDirectory(ZkAccess.of(connection));
            try (JvmProcess worker = JvmProcess.tessera(home, "worker", "--threads", "1", "--key-prefix", prefix)) {
                String started = worker.awaitLine("running with 1 threads", Duration.ofSeconds(60));
                String id = started.split(" ")[1];
                assertTrue(directory.liveIds().contains(id), started);
                awaitDone(submission, job, 2);
                worker.process().destroy(); // SIGTERM
                assertTrue(worker.process().waitFor(30, TimeUnit.SECONDS), "tessera worker did not exit on SIGTERM");
                assertFalse(directory.liveIds().contains(id), "a drained worker leaves membership");
            }
            JobStatus drained = submission.dispatcher().status(job).orElseThrow();
            assertEquals(0, drained.counts().failed());
            try (Worker rest = Worker.start(connection, WorkerOptions.defaults(2).withKeys(keys, DispatchSettings.defaults()))) {
                JobStatus done = submission.await(job, Duration.ofMillis(100), Duration.ofSeconds(60), s -> { });
                assertEquals(JobState.FINISHED, done.state());
                assertEquals(IMAGES, done.counts().done(), "nothing the drained worker held was lost or counted twice");
                assertEquals(IMAGES - drained.counts().done(), rest.counters().done());
            }
        }
    }

    private static void awaitDone(JobSubmission submission, String job, long images) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (submission.dispatcher().status(job).orElseThrow().counts().done() < images) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the worker process did no work within 60 s");
            }
            Thread.sleep(50);
        }
    }
}
