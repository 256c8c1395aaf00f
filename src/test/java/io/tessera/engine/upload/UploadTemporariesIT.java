package io.tessera.engine.upload;

import static io.tessera.engine.upload.UploadTesting.filesUnder;
import static io.tessera.engine.upload.UploadTesting.folder;
import static io.tessera.engine.upload.UploadTesting.plant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.store.TemporaryNames;
import io.tessera.engine.store.TemporaryNames.Kind;
import io.tessera.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upload temporaries on the embedded HDFS: short names, journaled while in flight, swept after a dead run and by age. */
class UploadTemporariesIT {
    private static final long TWO_HOURS_AGO = System.currentTimeMillis() - Duration.ofHours(2).toMillis();

    @TempDir Path local;
    @TempDir Path journals;

    private Uploader uploader() {
        return new Uploader(UploadTesting.connection(), ImageLimits.DEFAULT, journals);
    }

    @Test
    void aFileInFlightIsAShortJournaledTemporaryThatNoSweepOfALiveRunTouches() throws Exception {
        Path big = Files.write(local.resolve("big.jpg"), TestImages.noisyJpeg(700, 700, 3));
        String target = folder();
        CountDownLatch midFile = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Uploader uploader = uploader();
        UploadJob job = uploader.start(UploadRequest.of(List.of(big), target, ConflictPolicy.SKIP, 1), new UploadListener() {
            @Override
            public void fileProgress(UploadItem item, long written, long size) {
                if (written < size) {
                    midFile.countDown();
                    UploadTesting.await(release);
                }
            }
        }, ConflictResolver.SKIP_ALL);
        assertTrue(midFile.await(60, TimeUnit.SECONDS));

        Map<String, Integer> inFlight = filesUnder(target);
        assertEquals(1, inFlight.size(), inFlight.toString());
        String temporary = inFlight.keySet().iterator().next();
        assertEquals(Optional.of(Kind.UPLOAD), TemporaryNames.kindOf(temporary));
        assertEquals(28, temporary.length(), "short whatever the final name");
        List<Path> open = journalFiles();
        assertEquals(1, open.size());
        assertTrue(Files.readString(open.getFirst()).contains(target + "/" + temporary), "journaled before it was created");

        assertEquals(0, uploader().sweepInterrupted(), "a live run's temporaries are not abandoned");
        assertTrue(UploadTesting.fs().exists(new org.apache.hadoop.fs.Path(target + "/" + temporary)));

        release.countDown();
        assertTrue(job.await(UploadTesting.TIMEOUT).allGood());
        assertEquals(Map.of("big.jpg", (int) Files.size(big)), filesUnder(target));
        assertEquals(List.of(), journalFiles(), "a finished run leaves no journal");
    }

    @Test
    void theTemporariesADeadRunLeftAreDeletedFromItsJournalAndNothingElse() throws Exception {
        String target = folder();
        String profile = UploadTesting.connection().target().profileName();
        String abandoned = plant(target + "/" + TemporaryNames.of(Kind.UPLOAD, "a.jpg"), new byte[10], System.currentTimeMillis());
        String finished = plant(target + "/" + TemporaryNames.of(Kind.UPLOAD, "b.jpg"), new byte[10], System.currentTimeMillis());
        String photo = plant(target + "/c.jpg", new byte[10], System.currentTimeMillis());
        String otherCluster = plant(target + "/" + TemporaryNames.of(Kind.UPLOAD, "d.jpg"), new byte[10], System.currentTimeMillis());
        // journals whose runs ended without striking everything off: unlocked, as a killed process leaves them
        UploadJournal dead = UploadJournal.open(journals, profile);
        dead.started(abandoned);
        dead.started(finished);
        dead.ended(finished);
        dead.started(photo); // never ours to delete, whatever a journal says
        dead.close();
        UploadJournal elsewhere = UploadJournal.open(journals, "Another profile");
        elsewhere.started(otherCluster);
        elsewhere.close();
        assertEquals(2, journalFiles().size());

        assertEquals(1, uploader().sweepInterrupted());
        assertEquals(Map.of(name(finished), 10, "c.jpg", 10, name(otherCluster), 10), filesUnder(target));
        assertEquals(1, journalFiles().size(), "the swept journal is gone; the other profile's waits for its cluster");
        assertEquals(0, uploader().sweepInterrupted(), "nothing twice");
    }

    @Test
    void aFolderUploadedIntoIsSweptOfItsStaleUploadTemporariesOnly() throws Exception {
        String target = folder();
        String staleTop = plant(target + "/" + TemporaryNames.of(Kind.UPLOAD, "x.jpg"), new byte[5], TWO_HOURS_AGO);
        String staleBelow = plant(target + "/set/" + TemporaryNames.of(Kind.UPLOAD, "y.jpg"), new byte[5], TWO_HOURS_AGO);
        String fresh = plant(target + "/set/" + TemporaryNames.of(Kind.UPLOAD, "z.jpg"), new byte[5], System.currentTimeMillis());
        String output = plant(target + "/set/" + TemporaryNames.of(Kind.OUTPUT, "y.jpg.png"), new byte[5], TWO_HOURS_AGO);
        String hidden = plant(target + "/set/.keep", new byte[5], TWO_HOURS_AGO);
        Path set = Files.createDirectories(local.resolve("set"));
        byte[] jpeg = TestImages.jpeg(20, 20);
        Files.write(set.resolve("a.jpg"), jpeg);

        assertTrue(uploader().start(UploadRequest.of(List.of(set), target, ConflictPolicy.SKIP, 1), UploadListener.NONE,
                ConflictResolver.SKIP_ALL).await(UploadTesting.TIMEOUT).allGood());
        assertEquals(Map.of("set/a.jpg", jpeg.length, "set/" + name(fresh), 5, "set/" + name(output), 5, "set/.keep", 5), filesUnder(target));
        assertFalse(UploadTesting.fs().exists(new org.apache.hadoop.fs.Path(staleTop)));
        assertFalse(UploadTesting.fs().exists(new org.apache.hadoop.fs.Path(staleBelow)));
        assertTrue(UploadTesting.fs().exists(new org.apache.hadoop.fs.Path(hidden)));
    }

    private List<Path> journalFiles() throws Exception {
        try (Stream<Path> files = Files.list(journals)) {
            return files.filter(f -> f.toString().endsWith(UploadJournal.SUFFIX)).toList();
        }
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
