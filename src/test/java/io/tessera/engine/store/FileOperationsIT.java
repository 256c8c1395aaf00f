package io.tessera.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.images.ImageInspector;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.images.ImageMetadata;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New folder, rename, move, trash and restore, planned deletes, downloads and permissions on the embedded HDFS. */
class FileOperationsIT {
    private final HdfsBrowser browser = new HdfsBrowser(StoreFixtures.connection());
    private final HdfsFiles files = new HdfsFiles(browser);
    private final HdfsTrash trash = new HdfsTrash(browser);

    @Test
    void mkdirRenameAndMoveKeepTheContent() throws Exception {
        String root = StoreFixtures.freshFolder("ops");
        files.mkdir(root + "/a/b");
        StoreFixtures.write(root + "/a/b/photo one.jpg", TestImages.jpeg(20, 10));
        String renamed = files.rename(root + "/a/b/photo one.jpg", "фото ✓.jpg");
        assertEquals(root + "/a/b/фото ✓.jpg", renamed);
        List<String> moved = files.move(List.of(renamed), root + "/a");
        assertEquals(root + "/a/фото ✓.jpg", moved.getFirst());
        assertFalse(browser.exists(renamed));
        assertArrayEquals(TestImages.jpeg(20, 10), browser.read(moved.getFirst(), 1 << 20));

        StoreFixtures.write(root + "/a/b/other.jpg", new byte[] {1});
        StoreFixtures.write(root + "/a/b/taken.jpg", new byte[] {2});
        StoreException clash = assertThrows(StoreException.class, () -> files.rename(root + "/a/b/other.jpg", "taken.jpg"));
        assertEquals(StoreException.Problem.ALREADY_EXISTS, clash.problem());
        StoreException escape = assertThrows(StoreException.class, () -> files.rename(root + "/a/b/other.jpg", "../x.jpg"));
        assertTrue(escape.getMessage().contains("not a valid name"), escape.getMessage());
    }

    @Test
    void trashAndRestoreEvenWhenTheSameNameWasTrashedBefore() throws Exception {
        String root = StoreFixtures.freshFolder("trash");
        assertTrue(trash.isEnabled(root));
        String path = root + "/keep.jpg";
        StoreFixtures.write(path, new byte[] {1, 2, 3});
        TrashReceipt first = trash.moveToTrash(path);
        assertFalse(browser.exists(path));
        assertTrue(first.trashPath().startsWith(trash.currentTrashFolder(path)), first.trashPath());
        assertTrue(first.trashPath().endsWith(path), first.trashPath());

        StoreFixtures.write(path, new byte[] {4, 5});
        TrashReceipt second = trash.moveToTrash(path);
        assertTrue(browser.exists(second.trashPath()));
        assertFalse(second.trashPath().equals(first.trashPath()));

        assertEquals(path, trash.restore(second));
        assertArrayEquals(new byte[] {4, 5}, browser.read(path, 100));
        StoreException taken = assertThrows(StoreException.class, () -> trash.restore(first));
        assertEquals(StoreException.Problem.ALREADY_EXISTS, taken.problem());
        files.deletePermanently(files.planDelete(List.of(path)));
        trash.restore(first);
        assertArrayEquals(new byte[] {1, 2, 3}, browser.read(path, 100));
    }

    @Test
    void aDeletePlanCountsWhatGoesBeforeAnythingGoes() throws Exception {
        String root = StoreFixtures.freshFolder("plan");
        files.mkdir(root + "/set/sub");
        StoreFixtures.write(root + "/set/a.jpg", new byte[100]);
        StoreFixtures.write(root + "/set/sub/b.jpg", new byte[250]);
        StoreFixtures.write(root + "/lone.png", new byte[7]);

        DeletePlan plan = files.planDelete(List.of(root + "/set", root + "/lone.png"));
        assertEquals(3, plan.files());
        assertEquals(2, plan.folders());
        assertEquals(357, plan.bytes());
        assertTrue(browser.exists(root + "/set/sub/b.jpg"), "planning deletes nothing");
        files.deletePermanently(plan);
        assertFalse(browser.exists(root + "/set"));
        assertFalse(browser.exists(root + "/lone.png"));
        assertEquals(0, browser.list(root, EntryFilter.ALL).nextPage(10).size());
    }

    @Test
    void downloadWritesCompleteFilesAndKeepsBothOnAClash(@TempDir Path desktop) throws Exception {
        String root = StoreFixtures.freshFolder("down");
        byte[] photo = TestImages.jpeg(64, 48);
        StoreFixtures.write(root + "/set/x.jpg", photo);
        StoreFixtures.write(root + "/set/inner/y.jpg", photo);
        Downloads downloads = new Downloads(browser);
        Path set = downloads.download(root + "/set", desktop);
        assertArrayEquals(photo, Files.readAllBytes(set.resolve("inner/y.jpg")));
        Path again = downloads.download(root + "/set/x.jpg", set);
        assertEquals("x (1).jpg", again.getFileName().toString());
        try (var listing = Files.list(set)) {
            assertTrue(listing.noneMatch(p -> p.getFileName().toString().contains("tessera-download")));
        }
    }

    @Test
    void statusBlocksReplicationAndImageMetadataForThePreview() throws Exception {
        String root = StoreFixtures.freshFolder("meta");
        String path = root + "/cam.jpg";
        StoreFixtures.write(path, TestImages.jpegWithExif(120, 80, "Canon", "Canon EOS R5", 1, "2024:05:01 12:34:56"));
        HdfsEntry entry = browser.stat(path);
        assertTrue(entry.looksLikeImage());
        List<BlockPlacement> blocks = browser.blocks(path);
        assertEquals(1, blocks.size());
        assertEquals(entry.size(), blocks.getFirst().length());
        assertEquals(1, blocks.getFirst().dataNodes().size());
        short other = (short) (entry.replication() == 1 ? 2 : 1);
        files.setReplication(path, other);
        assertEquals(other, browser.stat(path).replication());
        assertThrows(StoreException.class, () -> files.setReplication(root, (short) 2));

        var found = (ImageMetadata.MetadataResult.Found) browser.imageMetadata(path, new ImageInspector(ImageLimits.DEFAULT));
        assertEquals("120×80", found.metadata().header().dimensions());
        assertEquals("Canon EOS R5", found.metadata().exif().orElseThrow().camera());
    }

    @Test
    void anotherUsersLockedFolderGivesAPermissionDeniedMessage() throws Exception {
        String root = StoreFixtures.freshFolder("perm");
        String locked = root + "/locked";
        files.mkdir(locked);
        StoreFixtures.write(locked + "/secret.jpg", new byte[] {1});
        var fs = StoreFixtures.fs();
        fs.setOwner(new org.apache.hadoop.fs.Path(locked), "alice", "alice");
        fs.setPermission(new org.apache.hadoop.fs.Path(locked), new FsPermission((short) 0));

        ConnectionTarget shared = SharedCluster.target();
        ConnectionTarget bob = new ConnectionTarget("bob", shared.hdfsUri(), null, "bob", shared.zooKeeperConnect(), shared.zooKeeperChroot(),
                null, null, shared.redisUri(), null, shared.redisPassword(), false);
        try (ClusterConnection asBob = new ClusterConnection(bob)) {
            HdfsBrowser bobsBrowser = new HdfsBrowser(asBob);
            StoreException listing = assertThrows(StoreException.class, () -> bobsBrowser.list(locked, EntryFilter.ALL).nextPage(10));
            assertEquals(StoreException.Problem.PERMISSION_DENIED, listing.problem());
            assertTrue(listing.getMessage().startsWith("permission denied: " + locked), listing.getMessage());
            assertTrue(listing.getMessage().contains("bob"), listing.getMessage());
            StoreException delete = assertThrows(StoreException.class,
                    () -> new HdfsFiles(bobsBrowser).deletePermanently(new DeletePlan(List.of(locked + "/secret.jpg"), 1, 0, 1)));
            assertEquals("permission denied: " + locked + "/secret.jpg", delete.getMessage().replaceAll(" \\(.*", ""));
        }
    }
}
