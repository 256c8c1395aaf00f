package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventReplay;
import io.tessera.engine.events.EventType;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.worker.JobRequest;
import io.tessera.testing.ExactJob;
import io.tessera.testing.JvmProcess;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reliability: three `tessera worker` processes on the shared cluster run a 1,000-image job with a few
 * genuinely bad files; one is killed with SIGKILL at about 30 %. The job still completes: every good
 * input has exactly one output that decodes (no temporaries left), every input is counted exactly once, bad
 * images fail one by one with their reasons, nothing is dead-lettered, and every shard ends with its counts.
 */
class WorkerCrashIT {
    private static final int IMAGES = 1_000;
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
            long t0 = System.nanoTime();
            List<JvmProcess> workers = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    workers.add(JvmProcess.tessera(home, "worker", "--threads", "2", "--key-prefix", prefix, "--visibility-timeout", "4"));
                }
                Map<String, byte[]> files = new HashMap<>(BAD);
                for (int i = 0; i < IMAGES - BAD.size(); i++) {
                    files.put(String.format("good/img-%04d.jpg", i), TestImages.noisyJpeg(48, 36, i));
                }
                ExactJob.upload(connection.fileSystem(), base + "/in", files); // while the workers start
                phase("upload", t0);
                List<String> ids = new ArrayList<>();
                for (JvmProcess worker : workers) {
                    ids.add(worker.awaitLine("running with 2 threads", Duration.ofSeconds(120)).split(" ")[1]);
                }
                phase("workers up", t0);
                ExactJob run = ExactJob.submit(connection, keys, DispatchSettings.defaults(), new JobRequest(job, base + "/in", output,
                        Pipeline.parse(List.of("thumbnail:24"), "png"), Priority.NORMAL, new ShardLimits(100, 0), 10));

                phase("submitted", t0);
                run.awaitSettledImages(IMAGES * 3 / 10);
                phase("30 %", t0);
                workers.getFirst().process().destroyForcibly(); // SIGKILL: no drain, no goodbye
                workers.getFirst().process().waitFor();
                long heldByTheDead = connection.redis().xpending(keys.tasks(Priority.NORMAL), DispatchKeys.GROUP)
                        .getConsumerMessageCount().getOrDefault(ids.getFirst(), 0L);
                assertTrue(heldByTheDead > 0, "the killed worker held tasks that others must take over");

                int good = IMAGES - BAD.size();
                run.assertFinishedExactly(new JobCounts(100, IMAGES, 100, good, BAD.size(), 0, 0, 0));
                phase("finished", t0);

                List<Event> events = new EventReplay(connection.redis(), keys.events()).after(null, 100_000).stream()
                        .filter(e -> job.equals(e.job()) && (e.type() == EventType.IMAGE_DONE || e.type() == EventType.IMAGE_FAILED)).toList();
                Map<String, String> reasons = new TreeMap<>();
                events.stream().filter(e -> e.type() == EventType.IMAGE_FAILED)
                        .forEach(e -> reasons.put(e.input().substring((base + "/in/").length()), e.reason()));
                assertEquals(new TreeMap<>(BAD).keySet(), reasons.keySet(), reasons.toString());
                assertTrue(events.stream().anyMatch(e -> ids.getFirst().equals(e.worker())), "the killed worker had finished images before");
            } finally {
                workers.forEach(JvmProcess::close);
            }
        }
    }

    private static void phase(String what, long t0) {
        System.out.printf("WorkerCrashIT: %s after %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }
}
