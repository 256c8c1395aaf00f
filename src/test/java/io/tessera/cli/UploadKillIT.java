package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.store.TemporaryNames;
import io.tessera.testing.JvmProcess;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: `tessera upload` SIGKILLed in the middle of a folder, then run again. The killed run leaves open
 * temporaries (its journal says which); the next run deletes them before anything else, the files that had landed
 * are untouched and byte-identical, and the rest upload with no clash and nothing left behind.
 */
class UploadKillIT {
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final int SMALL = 6;
    private static final int BULKY_BYTES = 48 * 1024 * 1024;

    @Test
    void aKilledUploadLeavesNothingOnceTheNextOneHasStarted(@TempDir Path local) throws Exception {
        Path set = Files.createDirectories(local.resolve("set"));
        for (int i = 1; i <= SMALL; i++) {
            Files.write(set.resolve(String.format("a-%02d.jpg", i)), TestImages.noisyJpeg(200, 150, i));
        }
        // sorted after the small ones, and slow enough to be caught in flight, two at a time
        Files.write(set.resolve("z-1.png"), TestImages.bulkyPng(BULKY_BYTES, 1));
        Files.write(set.resolve("z-2.png"), TestImages.bulkyPng(BULKY_BYTES, 2));
        Path home = SharedCluster.directories().data().getParent();
        String dest = "/test/upload-kill-" + UUID.randomUUID();
        String folder = dest + "/set";

        try (ClusterConnection connection = new ClusterConnection(SharedCluster.target())) {
            FileSystem fs = connection.fileSystem();
            Map<String, FileStatus> landedBefore;
            List<String> temporariesLeft;
            try (JvmProcess first = JvmProcess.tessera(home, "upload", "--profile", "Local", "--parallel", "2", set.toString(), dest)) {
                first.awaitLine("Uploading 8 file(s)", PATIENCE);
                awaitMidUpload(fs, folder, first.process());
                first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
                assertTrue(first.process().waitFor(30, TimeUnit.SECONDS));
                landedBefore = finals(fs, folder);
                temporariesLeft = temporaries(fs, folder);
            }
            assertTrue(landedBefore.size() >= SMALL && landedBefore.size() < SMALL + 2, landedBefore.keySet().toString());
            assertTrue(!temporariesLeft.isEmpty(), "the kill must leave temporaries for this test to mean anything");

            try (JvmProcess again = JvmProcess.tessera(home, "upload", "--profile", "Local", set.toString(), dest)) {
                again.awaitLine("Deleted " + temporariesLeft.size() + " temporary file(s) left by an interrupted upload", PATIENCE);
                int rest = 8 - landedBefore.size();
                String summary = again.awaitLine("Uploaded ", PATIENCE);
                assertTrue(summary.startsWith("Uploaded " + rest + " of 8 file(s)") && summary.endsWith("0 refused, " + landedBefore.size()
                        + " skipped, 0 failed"), summary);
                assertTrue(again.process().waitFor(60, TimeUnit.SECONDS));
                assertEquals(0, again.process().exitValue(), "everything uploaded or skipped");
            }

            assertEquals(List.of(), temporaries(fs, folder), "no temporary left");
            Map<String, FileStatus> after = finals(fs, folder);
            try (var names = Files.list(set)) {
                assertEquals(names.map(p -> p.getFileName().toString()).sorted().toList(), List.copyOf(after.keySet()));
            }
            for (String name : after.keySet()) {
                assertArrayEquals(Files.readAllBytes(set.resolve(name)), read(fs, folder + "/" + name), name + " byte-identical");
            }
            landedBefore.forEach((name, status) -> assertEquals(status.getModificationTime(), after.get(name).getModificationTime(),
                    name + " landed before the kill and was left alone"));
        }
    }

    /** Waits until the small files have landed and a bulky one is being written. */
    private static void awaitMidUpload(FileSystem fs, String folder, Process process) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (finals(fs, folder).size() < SMALL || temporaries(fs, folder).isEmpty()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("never caught mid-upload: " + finals(fs, folder).keySet() + " " + temporaries(fs, folder));
            }
            Thread.sleep(20);
        }
    }

    private static Map<String, FileStatus> finals(FileSystem fs, String folder) throws IOException {
        Map<String, FileStatus> files = new TreeMap<>();
        for (FileStatus status : list(fs, folder)) {
            if (!status.getPath().getName().startsWith(".")) {
                files.put(status.getPath().getName(), status);
            }
        }
        return files;
    }

    private static List<String> temporaries(FileSystem fs, String folder) throws IOException {
        return list(fs, folder).stream().map(s -> s.getPath().getName()).filter(TemporaryNames::isTemporary).toList();
    }

    private static List<FileStatus> list(FileSystem fs, String folder) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(folder);
        return fs.exists(path) ? List.of(fs.listStatus(path)) : List.of();
    }

    private static byte[] read(FileSystem fs, String path) throws IOException {
        try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(path))) {
            return in.readAllBytes();
        }
    }
}
