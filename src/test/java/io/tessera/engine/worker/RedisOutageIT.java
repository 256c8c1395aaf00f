package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.PrivateRedis;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.shard.ShardState;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Redis goes away for a few seconds in the middle of a real job (its own redis-server beside the shared
 * HDFS and ZooKeeper, stopped and started again): the worker keeps processing, backs off, reconnects,
 * and the job completes with exact counters, one output per input and every shard ended.
 */
class RedisOutageIT {
    private static final int IMAGES = 60;

    @Test
    void aWorkerRidesOutARedisOutageAndTheJobCompletesExactly() throws Exception {
        try (PrivateRedis redis = PrivateRedis.start();
             ClusterConnection connection = new ClusterConnection(redis.besides(SharedCluster.target()))) {
            FileSystem fs = connection.fileSystem();
            String base = "/it-outage/" + UUID.randomUUID();
            for (int i = 0; i < IMAGES; i++) {
                try (FSDataOutputStream out = fs.create(new Path(base + "/in/img-" + i + ".jpg"))) {
                    out.write(TestImages.noisyJpeg(240, 180, i));
                }
            }
            DispatchKeys keys = new DispatchKeys("outage-" + UUID.randomUUID().toString().substring(0, 8) + ":");
            DispatchSettings settings = DispatchSettings.defaults().withPrefetch(2).withVisibilityTimeout(Duration.ofSeconds(20));
            WorkerOptions options = new WorkerOptions(2, keys, settings.withHandlerThreads(2), ImageLimits.DEFAULT,
                    Duration.ofSeconds(30), Duration.ofMillis(500));
            JobSubmission submission = new JobSubmission(connection, keys, settings);
            String job = "outage-" + UUID.randomUUID().toString().substring(0, 8);
            submission.submit(new JobRequest(job, base + "/in", base + "/out", Pipeline.parse(List.of("blur:2"), "png"),
                    Priority.NORMAL, new ShardLimits(20, 0), 2));

            try (Worker worker = Worker.start(connection, options)) {
                await(submission, job, s -> s.counts().done() >= 10);
                long down = System.nanoTime();
                redis.stop();
                awaitTrue(() -> worker.consumerStats().connectionFailures() >= 2);
                while (System.nanoTime() - down < Duration.ofSeconds(3).toNanos()) {
                    Thread.sleep(50);
                }
                redis.resume();
                assertTrue(worker.consumerStats().connectionFailures() >= 2, worker.consumerStats().toString());

                JobStatus finished = await(submission, job, s -> s.state() == JobState.FINISHED);
                assertEquals(new JobCounts(30, IMAGES, 30, IMAGES, 0, 0, 0, 0), finished.counts());
                // the outage is shorter than the visibility timeout: nothing was reclaimed or retried, so nothing ran twice
                assertEquals(IMAGES, worker.counters().done(), "every image ran once");
            }
            List<String> outputs = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(new Path(base + "/out"), true);
            while (it.hasNext()) {
                outputs.add(it.next().getPath().getName());
            }
            assertEquals(IMAGES, outputs.size(), "one output per input, no temporaries: " + outputs.stream().filter(n -> n.startsWith(".")).toList());
            PlanStore plans = PlanStore.of(connection);
            assertTrue(plans.read(job).orElseThrow().shards().stream().allMatch(s -> s.state() == ShardState.DONE && s.done() == 20),
                    plans.read(job).orElseThrow().shards().toString());
        }
    }

    private static JobStatus await(JobSubmission submission, String job, Predicate<JobStatus> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                JobStatus status = submission.dispatcher().status(job).orElseThrow();
                if (condition.test(status)) {
                    return status;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not within 60 s: " + status);
                }
            } catch (JedisConnectionException stale) {
                // a pooled connection broken by the restart: just not yet
            }
            Thread.sleep(50);
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
