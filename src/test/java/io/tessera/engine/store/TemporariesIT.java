package io.tessera.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.store.TemporaryNames.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporaries on the embedded HDFS: swept by age and state, only ours, and never listed by the browser. */
class TemporariesIT {
    private static final long TWO_HOURS_AGO = System.currentTimeMillis() - Duration.ofHours(2).toMillis();

    @Test
    void onlyStaleClosedTemporariesOfTheAskedKindsAreSwept() throws Exception {
        FileSystem fs = StoreFixtures.fs();
        String folder = StoreFixtures.freshFolder("sweep");
        String staleUpload = plant(folder, TemporaryNames.of(Kind.UPLOAD, "a.jpg"), TWO_HOURS_AGO);
        String staleUpload2 = plant(folder, TemporaryNames.of(Kind.UPLOAD, "日本 long name.jpg"), TWO_HOURS_AGO);
        String freshUpload = plant(folder, TemporaryNames.of(Kind.UPLOAD, "b.jpg"), System.currentTimeMillis());
        String staleOutput = plant(folder, TemporaryNames.of(Kind.OUTPUT, "a.jpg.png"), TWO_HOURS_AGO);
        String oldHidden = plant(folder, ".tsr-not-one-of-ours", TWO_HOURS_AGO);
        String oldLookalike = plant(folder, ".a.jpg.tmp-0123", TWO_HOURS_AGO);
        String oldPhoto = plant(folder, "a.jpg", TWO_HOURS_AGO);
        for (int i = 0; i < 30; i++) { // names on both sides of ".tsr-" in the NameNode's byte order
            plant(folder, String.format(".a%02d", i), TWO_HOURS_AGO);
            plant(folder, String.format("z%02d.jpg", i), TWO_HOURS_AGO);
        }
        Path open = new Path(folder, TemporaryNames.of(Kind.UPLOAD, "c.jpg"));
        FSDataOutputStream writing = fs.create(open, false);
        writing.write(new byte[100]);
        writing.hflush();
        fs.setTimes(open, TWO_HOURS_AGO, -1); // an old open file: its age says nothing about its writer
        TemporarySweeper sweeper = new TemporarySweeper(fs);

        assertEquals(new TemporarySweeper.Sweep(2, 1, 1), sweeper.sweep(folder, Set.of(Kind.UPLOAD)));
        assertFalse(fs.exists(new Path(staleUpload)));
        assertFalse(fs.exists(new Path(staleUpload2)));
        for (String kept : List.of(freshUpload, staleOutput, oldHidden, oldLookalike, oldPhoto, open.toString())) {
            assertTrue(fs.exists(new Path(kept)), kept + " must stay");
        }
        assertEquals(new TemporarySweeper.Sweep(1, 0, 0), sweeper.sweep(folder, Set.of(Kind.OUTPUT)));
        assertFalse(fs.exists(new Path(staleOutput)));
        assertEquals(65, fs.listStatus(new Path(folder)).length, "the 60 others, the photo, two lookalikes, the fresh and the open one");

        // a writer known to be dead (its upload journal says so): deleted at once, open or fresh, and only ours
        assertEquals(new TemporarySweeper.Sweep(2, 0, 0), sweeper.sweepAbandoned(List.of(open.toString(), freshUpload, oldPhoto, folder + "/gone")));
        assertFalse(fs.exists(open));
        assertFalse(fs.exists(new Path(freshUpload)));
        assertTrue(fs.exists(new Path(oldPhoto)));
        try {
            writing.close();
        } catch (IOException deletedUnderIt) {
            // the writer lost its file: what a dead writer would have seen
        }
        assertEquals(TemporarySweeper.Sweep.NONE, new TemporarySweeper(fs).sweep(folder + "/missing", Set.of(Kind.UPLOAD)));
    }

    @Test
    void theSameRulesHoldOnTheLocalDisk(@TempDir java.nio.file.Path dir) throws Exception {
        FileSystem local = FileSystem.getLocal(new Configuration()).getRawFileSystem();
        java.nio.file.Path stale = Files.write(dir.resolve(TemporaryNames.of(Kind.OUTPUT, "x.png")), new byte[3]);
        java.nio.file.Path fresh = Files.write(dir.resolve(TemporaryNames.of(Kind.OUTPUT, "y.png")), new byte[3]);
        java.nio.file.Path photo = Files.write(dir.resolve("x.png"), new byte[3]);
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(TWO_HOURS_AGO));
        Files.setLastModifiedTime(photo, java.nio.file.attribute.FileTime.fromMillis(TWO_HOURS_AGO));
        assertEquals(new TemporarySweeper.Sweep(1, 1, 0), new TemporarySweeper(local).sweep(dir.toString(), Set.of(Kind.OUTPUT)));
        assertEquals(Set.of(fresh.getFileName().toString(), "x.png"), new TreeSet<>(Arrays.asList(dir.toFile().list())));
    }

    @Test
    void theBrowserNeverListsTemporariesButShowsOtherHiddenFiles() throws Exception {
        String folder = StoreFixtures.freshFolder("browse");
        plant(folder, TemporaryNames.of(Kind.UPLOAD, "a.jpg"), System.currentTimeMillis());
        plant(folder, TemporaryNames.of(Kind.OUTPUT, "a.jpg.png"), TWO_HOURS_AGO);
        plant(folder, ".hidden.jpg", System.currentTimeMillis());
        plant(folder, "a.jpg", System.currentTimeMillis());
        HdfsBrowser browser = new HdfsBrowser(StoreFixtures.connection());
        FolderCursor cursor = browser.list(folder, EntryFilter.ALL);
        List<String> names = new ArrayList<>();
        for (List<HdfsEntry> page; !(page = cursor.nextPage(1)).isEmpty(); ) {
            page.forEach(e -> names.add(e.name()));
        }
        assertEquals(List.of(".hidden.jpg", "a.jpg"), names);
        assertEquals(List.of(), browser.list(folder, new EntryFilter("tsr", false)).nextPage(100), "not even when searched for");
    }

    /** A closed file with the given modification time. */
    private static String plant(String folder, String name, long modified) throws IOException {
        String path = folder + "/" + name;
        StoreFixtures.write(path, new byte[] {1, 2, 3});
        StoreFixtures.fs().setTimes(new Path(path), modified, -1);
        return path;
    }
}
