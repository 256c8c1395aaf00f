package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.store.HdfsBrowser;
import io.tessera.testing.ProfileHome;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI on a profile marked read-only: its write commands refuse with the reason and a non-zero exit; nothing is written. */
class ReadOnlyProfileIT {
    private static final String REASON = "profile 'Viewer' is read-only: no changes can be made through it";

    @Test
    void uploadSubmitAndWorkerRefuseWhileListingStillWorks(@TempDir Path local) throws Exception {
        Path home = ProfileHome.with("Viewer", SharedCluster.target().withReadOnly(true));
        Files.write(local.resolve("a.jpg"), TestImages.jpeg(40, 30));
        String dest = "/test/read-only-cli-" + UUID.randomUUID();

        CliRun upload = CliRun.run(home, "upload", "--profile", "Viewer", local.resolve("a.jpg").toString(), dest);
        assertEquals(1, upload.exitCode(), upload.out() + upload.err());
        assertEquals("tessera upload: " + REASON, upload.err().strip());

        CliRun submit = CliRun.run(home, "submit", "--profile", "Viewer", "--input", dest, "--op", "thumbnail:64");
        assertEquals(1, submit.exitCode(), submit.out() + submit.err());
        assertEquals("tessera submit: " + REASON, submit.err().strip());

        CliRun worker = CliRun.run(home, "worker", "--profile", "Viewer");
        assertEquals(1, worker.exitCode(), worker.out() + worker.err());
        assertTrue(worker.err().contains(REASON), worker.err());

        try (ClusterConnection connection = new ClusterConnection(SharedCluster.target())) {
            assertFalse(new HdfsBrowser(connection).exists(dest), "nothing was written");
        }
        CliRun list = CliRun.run(home, "profile", "list");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("Viewer") && list.out().contains("| read-only"), list.out());
    }

    @Test
    void aBadJobIdIsAUsageErrorThatSaysWhatAJobIdIs() throws Exception {
        CliRun run = CliRun.run(SharedCluster.directories().data().getParent(), "submit", "--job", "../etc", "--input", "/x", "--op", "grayscale");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("a job id is 1-120 letters, digits, '.', '_' or '-'") && run.err().contains("'../etc' contains '..'"), run.err());
    }
}
