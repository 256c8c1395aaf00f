package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.JobSpec;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.JobSubmission;
import io.tessera.engine.worker.Worker;
import io.tessera.engine.worker.WorkerOptions;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tessera submit` end to end through the Local profile, with an in-process worker on a private key prefix. */
class SubmitCommandIT {
    private static Path home() {
        return SharedCluster.directories().data().getParent();
    }

    @Test
    void dryRunThenWaitPrintsProgressAndExitsNonZeroWhenAnImageFails(@TempDir Path local) throws Exception {
        Path set = Files.createDirectories(local.resolve("set"));
        Files.write(set.resolve("a.jpg"), TestImages.jpeg(300, 200));
        Files.write(set.resolve("b.png"), TestImages.png(40, 40));
        Files.write(set.resolve("c.jpg"), TestImages.jpeg(120, 100));
        String dest = "/test/submit-" + UUID.randomUUID();
        CliRun.run(home(), "upload", set.toString(), dest);
        String input = dest + "/set";
        String prefix = "cli-" + UUID.randomUUID().toString().substring(0, 8) + ":";

        CliRun dry = CliRun.run(home(), "submit", "--input", input, "--op", "thumbnail:64", "--batch", "2", "--dry-run", "--key-prefix", prefix);
        assertEquals(0, dry.exitCode(), dry.out() + dry.err());
        assertTrue(dry.out().contains("3 images") && dry.out().contains("1 shards") && dry.out().contains("2 tasks"), dry.out());
        assertTrue(java.util.regex.Pattern.compile("\\bthumbs-\\d{8}-\\d{4}-[0-9a-f]{4}\\b").matcher(dry.out()).find(),
                "without --job the id is made as the console makes it: " + dry.out());

        try (ClusterConnection connection = new ClusterConnection(SharedCluster.target());
             Worker ignored = Worker.start(connection, WorkerOptions.defaults(2).withKeys(new DispatchKeys(prefix), DispatchSettings.defaults()))) {
            CliRun run = CliRun.run(home(), "submit", "--input", input, "--op", "crop:x=50,y=0,w=20,h=20", "--op", "grayscale", "--format", "png",
                    "--priority", "high", "--batch", "2", "--job", "cli-job-" + UUID.randomUUID().toString().substring(0, 6),
                    "--wait", "--key-prefix", prefix);
            assertEquals(1, run.exitCode(), run.out() + run.err());
            assertTrue(run.out().contains("finished: 2 done, 1 failed"), run.out());
            // the 40×40 PNG has no pixel at x=50: that image fails with the reason, the others go on
            assertTrue(run.out().contains("b.png: ") && run.out().contains("lies outside the 40×40 image"), run.out());
        }
    }

    @Test
    void benchJobComparesTheFullPathWithTheSameOpsOnLocalBytes(@TempDir Path local) throws Exception {
        for (int i = 0; i < 6; i++) {
            Files.write(local.resolve("p" + i + ".jpg"), TestImages.noisyJpeg(400, 300, i));
        }
        CliRun run = CliRun.run(home(), "bench", "job", "--profile", "Local", "--corpus", local.toString(), "--op", "thumbnail:64",
                "--rounds", "2", "--repeat", "1", "--warm-up", "30", "--warm-up-small", "40");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("6 images") && run.out().contains("job/direct") && run.out().contains("; 0 failed)"), run.out());
        assertTrue(run.out().contains("(a job of 40 small images, one of 30 of the sets' images"), run.out());
        for (String stage : new String[] {"read", "decode", "ops", "encode", "write", "ack", "idle", "submit"}) {
            assertTrue(run.out().lines().anyMatch(line -> line.strip().startsWith(stage + " ")), "a timer for " + stage + ": " + run.out());
        }
    }

    @Test
    void aNegativeRetentionIsAUsageError() {
        CliRun run = CliRun.run(home(), "submit", "--input", "/anything", "--op", "grayscale", "--keep-days", "-1");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--keep-days must be between 0 (forever) and 3650"), run.err());
    }

    @Test
    void aBadOpIsAUsageErrorThatSaysWhy() {
        CliRun run = CliRun.run(home(), "submit", "--input", "/anything", "--op", "rotate:45");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("the angle must be 90, 180 or 270"), run.err());
        String text = new String(run.err().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("tessera submit:"), text);
    }

    @Test
    void resumeCompletesASubmitThatDiedAndAnotherRequestUnderTheSameIdIsRefused(@TempDir Path local) throws Exception {
        Path set = Files.createDirectories(local.resolve("set"));
        for (int i = 0; i < 5; i++) {
            Files.write(set.resolve("p" + i + ".jpg"), TestImages.jpeg(60, 40));
        }
        String dest = "/test/resume-" + UUID.randomUUID();
        CliRun.run(home(), "upload", set.toString(), dest);
        String prefix = "cli-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        String job = "cli-resume-" + UUID.randomUUID().toString().substring(0, 6);
        try (ClusterConnection connection = new ClusterConnection(SharedCluster.target())) {
            JobSubmission submission = new JobSubmission(connection, new DispatchKeys(prefix), DispatchSettings.defaults());
            JobRequest request = new JobRequest(job, dest + "/set", null, Pipeline.parse(List.of("thumbnail:32"), null), Priority.NORMAL,
                    new ShardLimits(1000, 0), 2);
            assertThrows(IllegalStateException.class, () -> submission.submit(request, new JobSubmission.Steps() {
                @Override
                public void planReady(JobSpec spec, boolean stored) {
                    throw new IllegalStateException("killed after storing the plan");
                }
            }));

            CliRun resumed = CliRun.run(home(), "submit", "--resume", job, "--key-prefix", prefix);
            assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
            assertTrue(resumed.out().contains("job " + job + ": 5 images in 1 shards, thumbnail:32"), resumed.out());
            assertTrue(resumed.out().contains("was submitted before: its plan is reused, and 3 of its tasks"), resumed.out());
            assertEquals(3, connection.redis().xlen(new DispatchKeys(prefix).tasks(Priority.NORMAL)));

            CliRun other = CliRun.run(home(), "submit", "--input", dest + "/set", "--op", "grayscale", "--batch", "2", "--job", job,
                    "--key-prefix", prefix);
            assertEquals(2, other.exitCode(), other.out() + other.err());
            assertTrue(other.err().contains("exists with another plan (ops [thumbnail:32] then, [grayscale] now; output "), other.err());
            assertEquals(3, connection.redis().xlen(new DispatchKeys(prefix).tasks(Priority.NORMAL)), "nothing added");
        }
    }
}
