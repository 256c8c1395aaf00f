package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.dispatch.Task;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.JobSpec;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.shard.TesseraPaths;
import io.tessera.testing.SharedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.resps.StreamEntry;

/**
 * A submit that dies at any step (the plan stored but nothing in Redis, the job hash made but no task, part of the
 * tasks added, everything added but the call not returned, a plan left without its committed marker) is completed by
 * submitting the same request again, or by {@code resume}: each task is queued exactly once, and a real worker then
 * finishes every job with exact counters and exactly one output per input.
 */
class SubmitResumeIT {
    /** 32 images in 4 shards of 8, 2 images per task: 16 tasks, added 4 per script call. */
    private static final int TASKS = 16;

    private static ClusterConnection connection;
    private static JobFixture images;
    private static DispatchKeys keys;
    private static DispatchSettings settings;

    private static final class Crash extends RuntimeException {
        Crash(String where) {
            super("crashed " + where);
        }
    }

    /** Counts what a submit added, and dies at one step when told to. */
    private static final class Steps implements JobSubmission.Steps {
        private final String crashAt;
        long added;
        boolean planStored;

        Steps(String crashAt) {
            this.crashAt = crashAt;
        }

        @Override
        public void planReady(JobSpec job, boolean stored) {
            planStored = stored;
            crash("plan");
        }

        @Override
        public void jobReady(String jobId, boolean created) {
            crash("job");
        }

        @Override
        public void tasksAdded(String jobId, int count, long queued, long total) {
            added += count;
            crash("tasks");
            if (queued == total) {
                crash("last");
            }
        }

        private void crash(String here) {
            if (here.equals(crashAt)) {
                throw new Crash(here);
            }
        }
    }

    @BeforeAll
    static void upload() throws Exception {
        connection = new ClusterConnection(JobFixture.ownRoot(SharedCluster.target()));
        images = JobFixture.upload(connection.fileSystem(), 30);
        keys = new DispatchKeys("resume-" + UUID.randomUUID().toString().substring(0, 8) + ":");
        settings = DispatchSettings.defaults().withBatchSize(4).withPrefetch(2).withRetries(3, Duration.ofMillis(50), Duration.ofMillis(400));
    }

    @AfterAll
    static void disconnect() {
        connection.close();
    }

    private static JobRequest request(String job) {
        return request(job, List.of("thumbnail:24"), 2);
    }

    private static JobRequest request(String job, List<String> ops, int batch) {
        return new JobRequest(job, images.input, null, Pipeline.parse(ops, "png"), Priority.NORMAL, new ShardLimits(8, 0), batch);
    }

    @Test
    void aSubmitThatDiedAtAnyStepIsCompletedBySubmittingItAgain() throws Exception {
        JobSubmission submission = new JobSubmission(connection, keys, settings);
        Map<String, Long> missing = new LinkedHashMap<>(Map.of("plan", (long) TASKS, "job", (long) TASKS, "tasks", TASKS - 4L, "last", 0L));
        Map<String, String> jobs = new LinkedHashMap<>();
        for (Map.Entry<String, Long> point : missing.entrySet()) {
            String job = "resume-" + point.getKey() + "-" + UUID.randomUUID().toString().substring(0, 6);
            jobs.put(point.getKey(), job);
            assertThrows(Crash.class, () -> submission.submit(request(job), new Steps(point.getKey())));
            Steps again = new Steps(null);
            if (point.getKey().equals("tasks")) {
                submission.resume(job, again); // from the plan alone, as `tessera submit --resume` does
            } else {
                submission.submit(request(job), again);
            }
            assertEquals(false, again.planStored, point.getKey() + ": the stored plan is reused");
            assertEquals(point.getValue(), again.added, point.getKey() + ": only what was missing is added");
        }

        // a planner that died while storing the plan: the job node is there without its committed marker
        String leftover = "resume-leftover-" + UUID.randomUUID().toString().substring(0, 6);
        jobs.put("leftover", leftover);
        connection.curator().create().creatingParentsIfNeeded().forPath(TesseraPaths.shards(leftover));
        Steps fresh = new Steps(null);
        submission.submit(request(leftover), fresh);
        assertTrue(fresh.planStored, "the abandoned plan is replaced");
        assertEquals(TASKS, fresh.added);

        // once complete, submitting again adds nothing; a different request under the same id is refused, saying how it differs
        Steps nothing = new Steps(null);
        submission.submit(request(jobs.get("plan")), nothing);
        assertEquals(0, nothing.added);
        IllegalArgumentException otherOps = assertThrows(IllegalArgumentException.class,
                () -> submission.submit(request(jobs.get("plan"), List.of("grayscale"), 2)));
        assertTrue(otherOps.getMessage().contains("ops [thumbnail:24] then, [grayscale] now"), otherOps.getMessage());
        IllegalArgumentException otherBatch = assertThrows(IllegalArgumentException.class,
                () -> submission.submit(request(jobs.get("plan"), List.of("thumbnail:24"), 3)));
        assertTrue(otherBatch.getMessage().contains("images per task 2 then, 3 now"), otherBatch.getMessage());

        // Redis holds every task of every job exactly once
        Map<String, List<String>> queued = new LinkedHashMap<>();
        for (StreamEntry entry : connection.redis().xrange(keys.tasks(Priority.NORMAL), "-", "+")) {
            Task task = Task.fromJson(entry.getFields().get("task"));
            queued.computeIfAbsent(task.job(), j -> new ArrayList<>()).add(task.id());
        }
        for (String job : jobs.values()) {
            List<String> ids = queued.getOrDefault(job, List.of());
            assertEquals(TASKS, ids.size(), job + ": " + ids);
            assertEquals(TASKS, Set.copyOf(ids).size(), job + " has no task twice: " + ids);
        }

        try (Worker worker = Worker.start(connection, WorkerOptions.defaults(2).withKeys(keys, settings))) {
            for (String job : jobs.values()) {
                JobFixture.await(Duration.ofSeconds(90), () -> submission.dispatcher().status(job).orElseThrow().state() == JobState.FINISHED,
                        () -> job + ": " + submission.dispatcher().status(job));
            }
        }
        for (String job : jobs.values()) {
            images.assertCounts(submission.dispatcher().status(job).orElseThrow(), TASKS);
            images.assertOutputs(connection.fileSystem(), request(job).recipe().output(), "png");
            images.assertFailures(submission, job);
            images.assertShardsEnded(connection, job);
        }
        assertEquals(jobs.size(), jobs.values().stream().collect(Collectors.toSet()).size());
    }
}
