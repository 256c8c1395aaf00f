package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.dispatch.PrivateRedis;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.testing.SharedCluster;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real redis-server killed with SIGKILL in the middle of a job run by two in-process workers (which keep running,
 * back off and reconnect), then, once a worker has seen it go, started again on the same port:
 * <ul>
 *   <li>with an append-only file ({@code appendfsync everysec}), cut back to what it held midway through the submit:
 *       what a machine crash does to the writes of the last second(s) that were still in the page cache (a kill -9 of
 *       the process alone loses nothing the kernel has), widened to take in part of the submit. Redis comes back with
 *       the job hash and the first tasks only, and none of the completions: the coordinator queues the tasks that never
 *       reached a stream, the reclaimer hands out the deliveries whose completions were lost;</li>
 *   <li>with no persistence: Redis comes back empty and the coordinator rebuilds the job from its plan;</li>
 *   <li>the same with the job paused by an operator before the kill: it is rebuilt paused (ZooKeeper records the
 *       pause), no worker takes a task of it until the operator resumes it.</li>
 * </ul>
 * Either way the job finishes with exact counters, exactly one output per input that decodes as an image, no
 * temporaries, every shard ended, and the failure list exactly the two bad files.
 */
class RedisKillIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** 152 images in 8 shards of 19, 2 per task: 80 tasks, added 10 per script call. */
    private static final int TASKS = 80;

    private static JobFixture images;
    private static ClusterConnection shared;

    @BeforeAll
    static void upload() throws IOException {
        shared = new ClusterConnection(SharedCluster.target());
        images = JobFixture.upload(shared.fileSystem(), 150);
    }

    @AfterAll
    static void disconnect() {
        shared.close();
    }

    @Test
    void redisWithAnEverySecondAppendOnlyFileKilledAndMissingItsLastWritesLosesNothing() throws Exception {
        run(PrivateRedis.Persistence.AOF_EVERYSEC, false);
    }

    @Test
    void redisWithoutPersistenceKilledAndRestartedEmptyLosesNothing() throws Exception {
        run(PrivateRedis.Persistence.NONE, false);
    }

    @Test
    void aPausedJobComesBackPausedWhenRedisRestartsEmptyAndRunsOnlyOnceResumed() throws Exception {
        run(PrivateRedis.Persistence.NONE, true);
    }

    private static void run(PrivateRedis.Persistence persistence, boolean pauseFirst) throws Exception {
        try (PrivateRedis redis = PrivateRedis.start(persistence);
             ClusterConnection connection = new ClusterConnection(JobFixture.ownRoot(redis.besides(SharedCluster.target())))) {
            DispatchKeys keys = new DispatchKeys("kill-" + UUID.randomUUID().toString().substring(0, 8) + ":");
            DispatchSettings settings = DispatchSettings.defaults().withBatchSize(10).withPrefetch(2)
                    .withVisibilityTimeout(Duration.ofSeconds(6)).withRetries(5, Duration.ofMillis(100), Duration.ofSeconds(1));
            JobSubmission submission = new JobSubmission(connection, keys, settings);
            String job = "kill-" + UUID.randomUUID().toString().substring(0, 8);
            JobRequest request = new JobRequest(job, images.input, null, Pipeline.parse(List.of("thumbnail:32"), "png"), Priority.NORMAL,
                    new ShardLimits(19, 0), 2);
            WorkerOptions options = WorkerOptions.defaults(1).withKeys(keys, settings);
            try (Worker a = Worker.start(connection, options); Worker b = Worker.start(connection, options)) {
                AtomicLong midSubmit = new AtomicLong(-1);
                submission.submit(request, new JobSubmission.Steps() {
                    @Override
                    public void tasksAdded(String jobId, int added, long queued, long total) {
                        if (midSubmit.get() < 0 && persistence == PrivateRedis.Persistence.AOF_EVERYSEC) {
                            midSubmit.set(appendOnlySize(redis));
                        }
                    }
                });
                JobFixture.await(WAIT, () -> status(submission, job).counts().done() >= images.images() * 3L / 10, () -> status(submission, job).toString());
                if (pauseFirst) {
                    assertTrue(submission.pause(job));
                    awaitIdle(a, b); // the images at hand finish
                }

                redis.kill();
                if (persistence == PrivateRedis.Persistence.AOF_EVERYSEC) {
                    redis.truncateAppendOnly(midSubmit.get());
                }
                // stays down until a worker's call has failed: a restart quicker than the workers' next call would go unseen
                JobFixture.await(WAIT, () -> connectionFailures(a, b) > 0, () -> "no worker saw Redis go: " + a.consumerStats() + ", " + b.consumerStats());
                redis.resume();
                if (pauseFirst) {
                    JobFixture.await(WAIT, () -> submission.dispatcher().status(job).isPresent(), () -> "the coordinator did not rebuild the job");
                    assertEquals(JobState.PAUSED, status(submission, job).state(), "rebuilt as ZooKeeper records it");
                    long before = imagesDone(a, b);
                    Thread.sleep(3000); // the rebuilt tasks are on the streams: workers would have taken some within milliseconds
                    assertEquals(before, imagesDone(a, b), "no image while paused: " + status(submission, job));
                    assertEquals(JobState.PAUSED, status(submission, job).state());
                    assertTrue(submission.resumePaused(job));
                }

                JobFixture.await(WAIT, () -> status(submission, job).state() == JobState.FINISHED, () -> status(submission, job).toString());
                images.assertCounts(status(submission, job), TASKS);
            }
            images.assertOutputs(connection.fileSystem(), request.recipe().output(), "png");
            images.assertFailures(submission, job);
            images.assertShardsEnded(connection, job);
        }
    }

    private static long imagesDone(Worker a, Worker b) {
        return a.counters().done() + a.counters().failed() + b.counters().done() + b.counters().failed();
    }

    /** Until the workers' figures hold still for a second. */
    private static void awaitIdle(Worker a, Worker b) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long seen = -1;
        long since = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = imagesDone(a, b);
            if (now != seen) {
                seen = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > 1_000_000_000L) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the workers did not settle after the pause");
    }

    private static long connectionFailures(Worker a, Worker b) {
        return a.consumerStats().connectionFailures() + b.consumerStats().connectionFailures();
    }

    private static JobStatus status(JobSubmission submission, String job) {
        return submission.dispatcher().status(job).orElseThrow();
    }

    private static long appendOnlySize(PrivateRedis redis) {
        try {
            return redis.appendOnlySize();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
