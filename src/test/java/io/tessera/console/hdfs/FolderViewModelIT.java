package io.tessera.console.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.store.EmptyFiles;
import io.tessera.engine.store.EntryOrder;
import io.tessera.engine.store.HdfsEntry;
import io.tessera.testing.TestImages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browsing on the embedded HDFS: pages, history, filter, images only, sorting. */
class FolderViewModelIT {
    private final HdfsTesting t = new HdfsTesting();
    @TempDir Path scratch;

    @Test
    void aBigFolderIsListedInPagesAndTheRestOnDemand() throws Exception {
        String folder = HdfsTesting.freshFolder("big");
        EmptyFiles.create(HdfsTesting.connection(), folder, 3_000, "img", "jpg", 8);
        FolderViewModel vm = new FolderViewModel(t.source(), t.tasks, 500);

        vm.open(folder);

        assertEquals(500, vm.entries().size(), "the first page only");
        assertTrue(vm.hasMore().get());
        assertTrue(vm.status().get().matches("500 entries in [\\d,]+ ms · 3,000 in the folder · scroll for more"), vm.status().get());
        assertTrue(vm.firstPageMillis().get() >= 0);
        assertEquals("img-000000.jpg", vm.entries().getFirst().name());
        vm.loadMore();
        assertEquals("1,000 entries loaded of 3,000 · scroll for more", vm.status().get());
        while (vm.hasMore().get()) {
            vm.loadMore();
        }
        assertEquals(3_000, vm.entries().size());
        assertEquals("img-002999.jpg", vm.entries().getLast().name());
        assertEquals(3_000, vm.entries().stream().map(HdfsEntry::name).distinct().count(), "no row twice");
        assertEquals("3,000 entries", vm.status().get());
    }

    @Test
    void foldersOpenAndBackForwardAndUpRetraceTheWay() throws Exception {
        String folder = HdfsTesting.freshFolder("nav");
        HdfsTesting.backend().files().mkdir(folder + "/a/b");
        FolderViewModel vm = new FolderViewModel(t.source(), t.tasks, 100);
        vm.open(folder);
        assertFalse(vm.canGoBack().get());

        assertTrue(vm.openEntry(only(vm, "a")));
        assertEquals(folder + "/a", vm.path().get());
        assertTrue(vm.openEntry(only(vm, "b")));
        assertEquals(List.of(), vm.entries());

        vm.back();
        assertEquals(folder + "/a", vm.path().get());
        assertTrue(vm.canGoForward().get());
        vm.back();
        assertEquals(folder, vm.path().get());
        vm.forward();
        assertEquals(folder + "/a", vm.path().get());
        vm.up();
        assertEquals(folder, vm.path().get());
        assertFalse(vm.canGoForward().get(), "a new step clears the way forward");

        vm.openTyped(" " + folder + "//a/ ");
        assertEquals(folder + "/a", vm.path().get());
        vm.openTyped("/no/such/folder-" + System.nanoTime());
        assertTrue(vm.error().get().startsWith("not found: /no/such/folder-"), vm.error().get());
        assertEquals(folder + "/a", vm.path().get(), "a path that is not there leaves the browser where it was");
        assertEquals(List.of("b"), names(vm));

        HdfsTesting.put(folder + "/a", scratch, "shot.jpg", TestImages.jpeg(32, 24));
        vm.openTyped(folder + "/a/shot.jpg");
        assertEquals(folder + "/a", vm.path().get(), "a file path opens its folder");
        assertEquals(folder + "/a/shot.jpg", vm.selected().get().path(), "with the file selected");
        assertEquals("", vm.error().get());
    }

    @Test
    void theNameFilterAndImagesOnlyListAgainAndSortingWorksOnLoadedRows() throws Exception {
        String folder = HdfsTesting.freshFolder("filter");
        HdfsTesting.backend().files().mkdir(folder + "/cats");
        HdfsTesting.put(folder, scratch, "cat.jpg", TestImages.jpeg(64, 48), "big-dog.jpg", TestImages.noisyJpeg(400, 300, 7));
        EmptyFiles.create(HdfsTesting.connection(), folder, 1, "notes", "txt", 1);
        FolderViewModel vm = new FolderViewModel(t.source(), t.tasks, 100);
        vm.open(folder);
        assertEquals(List.of("cats", "big-dog.jpg", "cat.jpg", "notes-000000.txt"), names(vm), "folders first, then by name");

        vm.nameFilter().set("CAT");
        assertEquals(List.of("cats", "cat.jpg"), names(vm));
        vm.nameFilter().set("");
        vm.imagesOnly().set(true);
        assertEquals(List.of("cats", "big-dog.jpg", "cat.jpg"), names(vm), "folders stay for navigation");

        vm.sortBy(EntryOrder.SIZE, false);
        assertEquals(List.of("cats", "big-dog.jpg", "cat.jpg"), names(vm));
        vm.sortBy(EntryOrder.SIZE, true);
        assertEquals(List.of("cats", "cat.jpg", "big-dog.jpg"), names(vm));
    }

    static List<String> names(FolderViewModel vm) {
        return vm.entries().stream().map(HdfsEntry::name).toList();
    }

    static HdfsEntry only(FolderViewModel vm, String name) {
        return vm.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " not in " + names(vm)));
    }
}
