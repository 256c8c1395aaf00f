package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.JobSpec;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardState;
import io.tessera.testing.SharedCluster;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The coordinator (hosted by a real {@link Worker}) compares the committed plans with Redis and re-creates what
 * Redis lost, here by deleting the test's whole key space (the task streams, their group, the job hashes, the
 * results): a job half done is rebuilt from its plan (DONE shards counted as ZooKeeper recorded them and not run
 * again, the rest run again) and finishes with exact counters; a cancelled job does not come back; submits that
 * died after their plan are completed without anyone submitting again.
 */
class ReconcileIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** 32 images in 4 shards of 8 (the two bad files in shard 0), 2 per task: 16 tasks. */
    private static final int TASKS = 16;

    private static ClusterConnection connection;
    private static JobFixture images;
    private DispatchKeys keys;
    private DispatchSettings settings;
    private JobSubmission submission;

    @BeforeAll
    static void upload() throws Exception {
        connection = new ClusterConnection(JobFixture.ownRoot(SharedCluster.target()));
        images = JobFixture.upload(connection.fileSystem(), 30);
    }

    @AfterAll
    static void disconnect() {
        connection.close();
    }

    @BeforeEach
    void ownKeys() {
        keys = new DispatchKeys("reconcile-" + UUID.randomUUID().toString().substring(0, 8) + ":");
        settings = DispatchSettings.defaults().withBatchSize(4).withPrefetch(1).withRetries(3, Duration.ofMillis(50), Duration.ofMillis(400));
        submission = new JobSubmission(connection, keys, settings);
    }

    private WorkerOptions options() {
        return WorkerOptions.defaults(1).withKeys(keys, settings);
    }

    private static JobRequest request(String job) {
        return new JobRequest(job, images.input, null, Pipeline.parse(List.of("thumbnail:24"), "png"), Priority.NORMAL, new ShardLimits(8, 0), 2);
    }

    private static String id(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Redis loses everything of this key space, as a restart without persistence does. */
    private void wipeRedis() {
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = connection.redis().scan(cursor, new ScanParams().match(keys.prefix() + "*").count(500));
            if (!page.getResult().isEmpty()) {
                connection.redis().del(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }

    private JobStatus await(String job, JobState state) throws Exception {
        JobFixture.await(WAIT, () -> submission.dispatcher().status(job).orElseThrow().state() == state, () -> job + ": " + submission.dispatcher().status(job));
        return submission.dispatcher().status(job).orElseThrow();
    }

    private List<ShardRecord> shards(String job) throws Exception {
        return PlanStore.of(connection).read(job).orElseThrow().shards();
    }

    @Test
    void aJobRedisLostHalfWayIsRebuiltFromItsPlanAndFinishesExactly() throws Exception {
        String job = id("lost");
        submission.submit(request(job));
        try (Worker first = Worker.start(connection, options())) {
            // shard 0 (with the bad files) and shard 1 end, then the worker stops (finishing the one or two tasks it holds):
            // the job is half done when Redis loses it
            JobFixture.await(WAIT, () -> shards(job).stream().filter(s -> s.state() == ShardState.DONE || s.state() == ShardState.FAILED).count() >= 2,
                    () -> JobFixture.summary(shards(job)));
        }
        List<ShardRecord> before = shards(job);
        long doneShards = before.stream().filter(s -> s.state() == ShardState.DONE).count();
        assertTrue(doneShards >= 1 && doneShards < 4, "some shards DONE, some not: " + before);
        long toRunAgain = before.stream().filter(s -> s.state() != ShardState.DONE).mapToLong(ShardRecord::images).sum();
        wipeRedis();
        assertTrue(submission.dispatcher().status(job).isEmpty());

        try (Worker second = Worker.start(connection, options())) {
            JobStatus finished = await(job, JobState.FINISHED);
            images.assertCounts(finished, TASKS);
            assertEquals(toRunAgain, second.counters().done() + second.counters().failed(),
                    "shards ZooKeeper recorded DONE are counted, not run again; every other shard runs once more");
        }
        images.assertOutputs(connection.fileSystem(), request(job).recipe().output(), "png");
        images.assertFailures(submission, job); // shard 0 ran again after the loss: its failures are on record again
        images.assertShardsEnded(connection, job);
    }

    @Test
    void cancelledJobsStayCancelledAndDeadSubmitsAreCompletedByTheCoordinator() throws Exception {
        PlanStore plans = PlanStore.of(connection);
        // cancelled through the engine (ZooKeeper first, then Redis), then Redis loses everything, the flag included
        String cancelled = id("cancelled");
        submission.submit(request(cancelled));
        assertTrue(submission.cancel(cancelled));
        assertTrue(plans.isCancelled(cancelled));
        wipeRedis();
        // cancelled in Redis only: the coordinator copies it to ZooKeeper
        String cancelledInRedis = id("cancelled-redis");
        submission.submit(request(cancelledInRedis));
        assertTrue(submission.dispatcher().cancel(cancelledInRedis));
        assertFalse(plans.isCancelled(cancelledInRedis));
        // submits that died after storing the plan, and after the first 4 tasks
        String afterPlan = id("after-plan");
        String afterSome = id("after-some");
        assertThrows(IllegalStateException.class, () -> submission.submit(request(afterPlan), new JobSubmission.Steps() {
            @Override
            public void planReady(JobSpec spec, boolean stored) {
                throw new IllegalStateException("died");
            }
        }));
        assertThrows(IllegalStateException.class, () -> submission.submit(request(afterSome), new JobSubmission.Steps() {
            @Override
            public void tasksAdded(String jobId, int added, long queued, long total) {
                throw new IllegalStateException("died");
            }
        }));

        try (Worker worker = Worker.start(connection, options())) {
            JobStatus gone = await(cancelled, JobState.CANCELLED);
            assertEquals(new JobCounts(TASKS, images.images(), 0, 0, 0, 0, 0, TASKS), gone.counts(), "rebuilt cancelled: nothing queued, nothing run");
            JobFixture.await(WAIT, () -> plans.isCancelled(cancelledInRedis), () -> "no cancel marker for " + cancelledInRedis);
            images.assertCounts(await(afterPlan, JobState.FINISHED), TASKS);
            images.assertCounts(await(afterSome, JobState.FINISHED), TASKS);
            JobFixture.await(WAIT, () -> shards(cancelled).stream().allMatch(s -> s.state() == ShardState.FAILED && s.error().contains("cancelled")),
                    () -> JobFixture.summary(shards(cancelled)));
        }
        for (String job : List.of(cancelled, cancelledInRedis)) {
            assertFalse(connection.fileSystem().exists(new Path(request(job).recipe().output())), job + " wrote nothing");
        }
        for (String job : List.of(afterPlan, afterSome)) {
            images.assertOutputs(connection.fileSystem(), request(job).recipe().output(), "png");
            images.assertFailures(submission, job);
            images.assertShardsEnded(connection, job);
        }
    }
}
