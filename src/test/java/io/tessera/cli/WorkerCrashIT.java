package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventReplay;
import io.tessera.engine.events.EventType;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.shard.ShardState;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.JobSubmission;
import io.tessera.testing.JvmProcess;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.Test;

/**
 * Reliability: three `tessera worker` processes on the shared cluster run a 1,000-image job with a few
 * genuinely bad files; one is killed with SIGKILL at about 30 %. The job still completes: every good
 * input has exactly one output (no temporaries left), every input is counted exactly once, bad images fail
 * one by one with their reasons, nothing is dead-lettered, and every shard ends with its counts.
 */
class WorkerCrashIT {
    private static final int IMAGES = 1_000;
    /** Generous: on a 2-core machine shared with other builds (load 20–37 seen) every phase stretches many times. */
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final Map<String, byte[]> BAD = Map.of(
            "bad/empty.jpg", new byte[0],
            "bad/truncated.jpg", TestImages.truncatedJpeg(),
            "bad/random.jpg", TestImages.randomBytes(5_000, 7),
            "bad/text.png", "plain text, not a PNG".getBytes(),
            "bad/bomb.png", TestImages.pngClaiming(60000, 60000));

    @Test
    void killingOneOfThreeWorkersMidJobLosesNothingAndCountsEverythingOnce() throws Exception {
        Path home = SharedCluster.directories().data().getParent();
        String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        DispatchKeys keys = new DispatchKeys(prefix);
        String job = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "/it-crash/" + UUID.randomUUID();
        String output = base + "/out";

        try (ClusterConnection connection = new ClusterConnection(SharedCluster.target())) {
            FileSystem fs = connection.fileSystem();
            long t0 = System.nanoTime();
            List<JvmProcess> workers = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    workers.add(JvmProcess.tessera(home, "worker", "--threads", "2", "--key-prefix", prefix, "--visibility-timeout", "4"));
                }
                upload(fs, base + "/in"); // while the workers start
                phase("upload", t0);
                List<String> ids = new ArrayList<>();
                for (JvmProcess worker : workers) {
                    ids.add(worker.awaitLine("running with 2 threads", Duration.ofSeconds(120)).split(" ")[1]);
                }
                phase("workers up", t0);
                JobSubmission submission = new JobSubmission(connection, keys, DispatchSettings.defaults());
                submission.submit(new JobRequest(job, base + "/in", output, Pipeline.parse(List.of("thumbnail:24"), "png"),
                        Priority.NORMAL, new ShardLimits(100, 0), 10));

                phase("submitted", t0);
                awaitSettledImages(submission, job, IMAGES * 3 / 10);
                phase("30 %", t0);
                workers.getFirst().process().destroyForcibly(); // SIGKILL: no drain, no goodbye
                workers.getFirst().process().waitFor();
                long heldByTheDead = connection.redis().xpending(keys.tasks(Priority.NORMAL), DispatchKeys.GROUP)
                        .getConsumerMessageCount().getOrDefault(ids.getFirst(), 0L);
                assertTrue(heldByTheDead > 0, "the killed worker held tasks that others must take over");

                JobStatus finished = submission.await(job, Duration.ofMillis(100), PATIENCE, s -> { });
                phase("finished", t0);
                assertEquals(JobState.FINISHED, finished.state(), finished.toString());
                int good = IMAGES - BAD.size();
                assertEquals(new JobCounts(100, IMAGES, 100, good, BAD.size(), 0, 0, 0), finished.counts());
                assertEquals(List.of(), submission.dispatcher().deadLetters(job), "bad images fail one by one, no task dies");

                List<Event> events = new EventReplay(connection.redis(), keys.events()).after(null, 100_000).stream()
                        .filter(e -> job.equals(e.job()) && (e.type() == EventType.IMAGE_DONE || e.type() == EventType.IMAGE_FAILED)).toList();
                Map<String, Long> perInput = events.stream().collect(Collectors.groupingBy(Event::input, Collectors.counting()));
                assertEquals(IMAGES, perInput.size(), "every input has an outcome");
                assertTrue(perInput.values().stream().allMatch(n -> n == 1), "and exactly one");
                Map<String, String> reasons = new TreeMap<>();
                events.stream().filter(e -> e.type() == EventType.IMAGE_FAILED)
                        .forEach(e -> reasons.put(e.input().substring((base + "/in/").length()), e.reason()));
                assertEquals(new TreeMap<>(BAD).keySet(), reasons.keySet(), reasons.toString());
                assertTrue(events.stream().anyMatch(e -> ids.getFirst().equals(e.worker())), "the killed worker had finished images before");

                List<String> outputs = files(fs, output);
                assertEquals(List.of(), outputs.stream().filter(name -> name.substring(name.lastIndexOf('/') + 1).startsWith(".")).toList(),
                        "no temporary outputs left behind");
                assertEquals(good, outputs.size(), "exactly one output per good input");
                assertTrue(outputs.stream().allMatch(name -> name.startsWith("good/") && name.endsWith(".jpg.png")));

                PlanStore plans = PlanStore.of(connection);
                awaitShards(plans, job);
                List<ShardRecord> shards = plans.read(job).orElseThrow().shards();
                assertEquals(IMAGES, shards.stream().mapToInt(s -> s.done() + s.failed()).sum(), shards.toString());
                assertEquals(BAD.size(), shards.stream().mapToInt(ShardRecord::failed).sum());
            } finally {
                workers.forEach(JvmProcess::close);
            }
        }
    }

    private static void phase(String what, long t0) {
        System.out.printf("WorkerCrashIT: %s after %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    private static void upload(FileSystem fs, String input) throws Exception {
        Map<String, byte[]> files = new HashMap<>(BAD);
        for (int i = 0; i < IMAGES - BAD.size(); i++) {
            files.put(String.format("good/img-%04d.jpg", i), TestImages.noisyJpeg(48, 36, i));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> writes = new ArrayList<>();
            files.forEach((name, bytes) -> writes.add(pool.submit(() -> {
                try (FSDataOutputStream out = fs.create(new org.apache.hadoop.fs.Path(input + "/" + name))) {
                    out.write(bytes);
                }
                return null;
            })));
            for (Future<?> write : writes) {
                write.get();
            }
        }
    }

    private static void awaitSettledImages(JobSubmission submission, String job, long images) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JobCounts counts = submission.dispatcher().status(job).orElseThrow().counts();
            if (counts.done() + counts.failed() >= images) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the workers did not get to " + images + " images within " + PATIENCE + ": " + counts);
            }
            Thread.sleep(20);
        }
    }

    private static void awaitShards(PlanStore plans, String job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!plans.read(job).orElseThrow().shards().stream().allMatch(s -> s.state() == ShardState.DONE || s.state() == ShardState.FAILED)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("shards not all ended: " + plans.read(job).orElseThrow().shards().stream()
                        .map(s -> s.index() + " " + s.state() + " " + s.owner() + " " + s.done() + "/" + s.failed()).toList());
            }
            Thread.sleep(100);
        }
    }

    private static List<String> files(FileSystem fs, String folder) throws IOException {
        List<String> names = new ArrayList<>();
        if (!fs.exists(new org.apache.hadoop.fs.Path(folder))) {
            return names;
        }
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(new org.apache.hadoop.fs.Path(folder), true);
        while (it.hasNext()) {
            names.add(it.next().getPath().toUri().getPath().substring(folder.length() + 1));
        }
        return names;
    }
}
