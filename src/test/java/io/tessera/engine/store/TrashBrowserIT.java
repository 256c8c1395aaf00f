package io.tessera.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.Trash;
import org.junit.jupiter.api.Test;

/** The trash browser's engine on the embedded HDFS: listing with original paths and times, restore with clashes, emptying. */
class TrashBrowserIT {
    private final HdfsBrowser browser = new HdfsBrowser(StoreFixtures.connection());
    private final HdfsTrash trash = new HdfsTrash(browser);
    private final HdfsFiles files = new HdfsFiles(browser);

    @Test
    void itemsAreListedWithOriginalPathAndDeletionTimeAFolderAsOneItem() throws Exception {
        String root = StoreFixtures.freshFolder("trashlist");
        StoreFixtures.write(root + "/album/one.jpg", new byte[] {1});
        StoreFixtures.write(root + "/album/two.jpg", new byte[] {2});
        StoreFixtures.write(root + "/loose.jpg", new byte[] {3, 3, 3});
        Instant before = Instant.now().minusSeconds(1);
        trash.moveToTrash(root + "/album");
        Thread.sleep(20);
        trash.moveToTrash(root + "/loose.jpg");

        List<TrashItem> mine = mine(root);
        assertEquals(List.of(root + "/loose.jpg", root + "/album"), mine.stream().map(TrashItem::originalPath).toList(), "newest first, the folder as one item");
        TrashItem loose = mine.getFirst();
        assertTrue(loose.deletedExactly());
        assertTrue(!loose.deleted().isBefore(before) && loose.deleted().isBefore(Instant.now().plusSeconds(1)), loose.deleted().toString());
        assertEquals(3, loose.size());
        assertEquals("Current", loose.bucket());
        assertTrue(mine.get(1).directory());
    }

    @Test
    void pathsTrashedOutsideTesseraAreListedAsTheirFilesWithTheTakenNameSuffixRemoved() throws Exception {
        String root = StoreFixtures.freshFolder("trashcli");
        StoreFixtures.write(root + "/dir/a.jpg", new byte[] {1});
        StoreFixtures.write(root + "/b.jpg", new byte[] {2});
        cliDelete(root + "/dir");
        cliDelete(root + "/b.jpg");
        StoreFixtures.write(root + "/b.jpg", new byte[] {2, 2});
        cliDelete(root + "/b.jpg");

        List<TrashItem> mine = mine(root);
        assertEquals(List.of(root + "/b.jpg", root + "/b.jpg", root + "/dir/a.jpg"), mine.stream().map(TrashItem::originalPath).sorted().toList());
        assertTrue(mine.stream().noneMatch(TrashItem::deletedExactly), "no marks: the time is the trash folder's");
        assertTrue(mine.stream().anyMatch(i -> i.trashPath().matches(".*/b\\.jpg\\d{13}")), "the second b.jpg lies under a suffixed name");
    }

    @Test
    void restoreAsksWhatToDoWhenTheNameIsTakenAgain() throws Exception {
        String root = StoreFixtures.freshFolder("trashclash");
        String path = root + "/photo.jpg";
        StoreFixtures.write(path, new byte[] {1});
        trash.moveToTrash(path);
        StoreFixtures.write(path, new byte[] {9, 9});
        TrashItem old = mine(root).getFirst();

        assertEquals(Optional.empty(), trash.restore(old, RestoreClash.SKIP));
        assertTrue(browser.exists(old.trashPath()), "skipped: still in the trash");

        assertEquals(Optional.of(root + "/photo (1).jpg"), trash.restore(old, RestoreClash.KEEP_BOTH));
        assertArrayEquals(new byte[] {1}, browser.read(root + "/photo (1).jpg", 10));
        assertArrayEquals(new byte[] {9, 9}, browser.read(path, 10));
        assertEquals(List.of(), mine(root), "restored items leave the listing (and their empty trash folders are not items)");

        trash.moveToTrash(root + "/photo (1).jpg");
        TrashItem again = mine(root).getFirst();
        assertEquals(Optional.of(root + "/photo (1).jpg"), trash.restore(again, RestoreClash.REPLACE));
        trash.moveToTrash(path);
        TrashItem newcomer = mine(root).getFirst();
        StoreFixtures.write(path, new byte[] {7});
        assertEquals(Optional.of(path), trash.restore(newcomer, RestoreClash.REPLACE));
        assertArrayEquals(new byte[] {9, 9}, browser.read(path, 10));
        List<TrashItem> replaced = mine(root);
        assertEquals(List.of(path), replaced.stream().map(TrashItem::originalPath).toList(), "the file it replaced went to the trash");
        assertArrayEquals(new byte[] {7}, browser.read(replaced.getFirst().trashPath(), 10));
    }

    @Test
    void checkpointsAreListedAndRestoredFromAndEmptyingRemovesEverythingCounted() throws Exception {
        String root = StoreFixtures.freshFolder("trashempty");
        StoreFixtures.write(root + "/old.jpg", new byte[] {1, 2, 3, 4});
        trash.moveToTrash(root + "/old.jpg");
        new Trash(StoreFixtures.fs(), StoreFixtures.fs().getConf()).checkpoint();
        StoreFixtures.write(root + "/new.jpg", new byte[] {5});
        trash.moveToTrash(root + "/new.jpg");
        StoreFixtures.write(root + "/keep.jpg", new byte[] {6});
        trash.moveToTrash(root + "/keep.jpg");

        List<TrashItem> mine = mine(root);
        TrashItem old = mine.stream().filter(i -> i.originalPath().endsWith("/old.jpg")).findFirst().orElseThrow();
        assertTrue(old.bucket().matches("\\d{12}"), "in a checkpoint: " + old.bucket());
        assertEquals(Optional.of(root + "/keep.jpg"), trash.restore(mine.stream().filter(i -> i.originalPath().endsWith("/keep.jpg")).findFirst().orElseThrow(), RestoreClash.SKIP));
        assertTrue(browser.exists(root + "/keep.jpg"));

        DeletePlan plan = trash.planEmpty();
        assertTrue(plan.files() >= 2 && plan.bytes() >= 5, plan.toString());
        assertTrue(plan.paths().stream().anyMatch(p -> p.endsWith("/.Trash/Current")), plan.paths().toString());
        files.deletePermanently(plan);
        assertEquals(List.of(), mine(root));
        assertTrue(browser.exists(root + "/keep.jpg"), "a restored file is not in the trash");
        assertTrue(Duration.between(old.deleted(), Instant.now()).toMinutes() < 5);
    }

    private List<TrashItem> mine(String root) throws StoreException {
        return trash.contents(10_000).items().stream().filter(i -> i.originalPath().startsWith(root + "/")).toList();
    }

    /** What {@code hdfs dfs -rm} does: into the trash without Tessera's marks. */
    private static void cliDelete(String path) throws Exception {
        assertTrue(Trash.moveToAppropriateTrash(StoreFixtures.fs(), new Path(path), StoreFixtures.fs().getConf()));
        assertFalse(StoreFixtures.fs().exists(new Path(path)));
    }
}
