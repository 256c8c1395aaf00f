package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.CommittedPlan;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardState;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** A real job's shards in ZooKeeper follow its worker: RUNNING by it while it works, DONE or FAILED with counts at the end. */
class ShardStatesIT {

    @Test
    void theShardMapOfARealJobShowsItsWorkerAtWorkAndEveryShardEndsWithItsCounts() throws Exception {
        try (ClusterConnection connection = new ClusterConnection(SharedCluster.target())) {
            FileSystem fs = connection.fileSystem();
            String base = "/it-shards/" + UUID.randomUUID();
            for (int i = 0; i < 8; i++) {
                write(fs, base + "/in/img-" + i + ".jpg", TestImages.noisyJpeg(400, 300, i));
            }
            write(fs, base + "/in/img-8.png", "text, not a PNG".getBytes()); // sorts last: shard 2 gets it
            DispatchKeys keys = new DispatchKeys("sh-" + UUID.randomUUID().toString().substring(0, 8) + ":");
            DispatchSettings settings = DispatchSettings.defaults().withPrefetch(0);
            WorkerOptions options = new WorkerOptions(1, keys, settings.withHandlerThreads(1), ImageLimits.DEFAULT,
                    Duration.ofSeconds(30), Duration.ofMillis(200));
            JobSubmission submission = new JobSubmission(connection, keys, settings);
            String job = "shards-" + UUID.randomUUID().toString().substring(0, 8);
            submission.submit(new JobRequest(job, base + "/in", base + "/out", Pipeline.parse(List.of("blur:3"), "png"),
                    Priority.NORMAL, new ShardLimits(3, 0), 1));
            PlanStore plans = PlanStore.of(connection);
            assertTrue(plans.read(job).orElseThrow().shards().stream().allMatch(s -> s.state() == ShardState.PLANNED));

            Set<String> seenRunning = ConcurrentHashMap.newKeySet();
            AtomicBoolean watching = new AtomicBoolean(true);
            Thread watcher = Thread.ofPlatform().daemon().start(() -> {
                while (watching.get()) {
                    try {
                        for (ShardRecord shard : plans.read(job).orElseThrow().shards()) {
                            if (shard.state() == ShardState.RUNNING) {
                                seenRunning.add(shard.index() + " by " + shard.owner());
                            }
                        }
                        Thread.sleep(20);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            String workerId;
            try (Worker worker = Worker.start(connection, options)) {
                workerId = worker.id();
                JobStatus status = submission.await(job, Duration.ofMillis(50), Duration.ofSeconds(60), s -> { });
                assertEquals(JobState.FINISHED, status.state());
                await(() -> plans.read(job).orElseThrow().shards().stream().allMatch(s -> s.state() == ShardState.DONE || s.state() == ShardState.FAILED));
                await(worker::isCoordinating); // the only candidate on this cluster now
            }
            watching.set(false);
            watcher.join();

            assertTrue(seenRunning.contains("0 by " + workerId) || seenRunning.contains("1 by " + workerId), seenRunning.toString());
            CommittedPlan plan = plans.read(job).orElseThrow();
            assertEquals(3, plan.shards().size());
            for (ShardRecord shard : plan.shards().subList(0, 2)) {
                assertEquals(List.of(ShardState.DONE, 3, 0, workerId), List.of(shard.state(), shard.done(), shard.failed(), shard.owner()), shard.toString());
            }
            ShardRecord last = plan.shards().get(2);
            assertEquals(List.of(ShardState.FAILED, 2, 1), List.of(last.state(), last.done(), last.failed()), last.toString());
            assertEquals("1 image failed", last.error());
        }
    }

    private static void write(FileSystem fs, String path, byte[] bytes) throws java.io.IOException {
        try (FSDataOutputStream out = fs.create(new Path(path))) {
            out.write(bytes);
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
