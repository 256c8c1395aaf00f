package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.store.EntryFilter;
import io.tessera.engine.store.HdfsBrowser;
import io.tessera.engine.store.HdfsEntry;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tessera upload` end to end against the shared cluster through the Local profile. */
class UploadCommandIT {

    @Test
    void uploadsAFolderReportsRefusedFilesAndExitsNonZero(@TempDir Path local) throws Exception {
        Path set = Files.createDirectories(local.resolve("set/inner"));
        Files.write(local.resolve("set/a.jpg"), TestImages.jpeg(50, 40));
        Files.write(set.resolve("b b.png"), TestImages.png(10, 10));
        Files.write(local.resolve("set/notes.png"), "text".getBytes(StandardCharsets.UTF_8));
        String dest = "/test/cli-" + UUID.randomUUID();

        CliRun run = CliRun.run(SharedCluster.directories().data().getParent(), "upload", "--profile", "Local", local.resolve("set").toString(), dest);
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("refused") && run.out().contains("notes.png: not an image"), run.out());
        assertTrue(run.out().contains("Uploaded 2 of 3 file(s)") && run.out().contains("1 refused"), run.out());

        try (ClusterConnection connection = new ClusterConnection(SharedCluster.target())) {
            HdfsBrowser browser = new HdfsBrowser(connection);
            List<HdfsEntry> top = browser.list(dest + "/set", EntryFilter.ALL).nextPage(10);
            assertEquals(List.of("a.jpg", "inner"), top.stream().map(HdfsEntry::name).toList());
            assertTrue(browser.exists(dest + "/set/inner/b b.png"));
            assertFalse(browser.exists(dest + "/set/notes.png"));
        }

        CliRun again = CliRun.run(SharedCluster.directories().data().getParent(), "upload", local.resolve("set/a.jpg").toString(), dest + "/set");
        assertEquals(0, again.exitCode(), again.out() + again.err());
        assertTrue(again.out().contains("skipped") && again.out().contains("1 skipped"), again.out());
    }

    @Test
    void aRelativeDestinationOrAMissingSourceIsAUsageError(@TempDir Path local) throws Exception {
        CliRun relative = CliRun.run(SharedCluster.directories().data().getParent(), "upload", local.toString(), "photos");
        assertEquals(2, relative.exitCode());
        assertTrue(relative.err().contains("absolute HDFS path"), relative.err());
        CliRun missing = CliRun.run(SharedCluster.directories().data().getParent(), "upload", local.resolve("nope.jpg").toString(), "/x");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no such file or folder"), missing.err());
    }
}
