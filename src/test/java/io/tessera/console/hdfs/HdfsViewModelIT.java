package io.tessera.console.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.connection.ActiveConnection;
import io.tessera.engine.store.EmptyFiles;
import io.tessera.testing.SharedCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The panel's entry points for other panels: reveal a path, and what a job started here works on. */
class HdfsViewModelIT {
    private final HdfsTesting t = new HdfsTesting();
    private ActiveConnection active;
    private HdfsViewModel vm;

    @BeforeEach
    void connect() {
        active = new ActiveConnection(t.tasks);
        active.use(SharedCluster.target());
        vm = new HdfsViewModel(active, t.source(), t.tasks, t.ui, 500);
    }

    @AfterEach
    void disconnect() {
        active.use(null);
    }

    @Test
    void revealingAFileDeepInABigFolderLoadsPagesUntilItAndSelectsItForThePreview() throws Exception {
        String folder = HdfsTesting.freshFolder("reveal");
        EmptyFiles.create(HdfsTesting.connection(), folder, 12_000, "img", "jpg", 16);
        String target = folder + "/img-011234.jpg";

        vm.setShown(true);
        String start = vm.folder().path().get();
        vm.folder().nameFilter().set("img-00");
        vm.reveal("hdfs://namenode:8020" + target);

        assertEquals(folder, vm.folder().path().get());
        assertNotNull(vm.folder().selected().get(), vm.folder().error().get());
        assertEquals(target, vm.folder().selected().get().path());
        assertEquals("", vm.folder().nameFilter().get(), "a filter that hid the file is cleared");
        int loaded = vm.folder().entries().size();
        assertTrue(loaded > 11_234 && loaded <= 12_000, "pages up to the file are loaded, not necessarily all: " + loaded);
        assertEquals(target, vm.preview().entry().get().path(), "the preview follows the selection");
        assertTrue(vm.folder().entries().contains(vm.folder().selected().get()), "the selected row is one of the table's rows");
        assertEquals(folder, vm.selectionForJob(), "a selected file: the job works on its folder");

        vm.folder().back();
        assertEquals(start, vm.folder().path().get(), "reveal is a step in the history, after the start folder");
    }

    @Test
    void revealingAFolderOpensItAndASelectedFolderIsWhatAJobGets() throws Exception {
        String folder = HdfsTesting.freshFolder("revealdir");
        HdfsTesting.backend().files().mkdir(folder + "/sub/inner");

        vm.reveal(folder + "/sub/");
        assertEquals(folder + "/sub", vm.folder().path().get());
        assertNull(vm.folder().selected().get());
        assertEquals(folder + "/sub", vm.selectionForJob(), "nothing selected: the open folder");

        vm.folder().selected().set(FolderViewModelIT.only(vm.folder(), "inner"));
        assertEquals(folder + "/sub/inner", vm.selectionForJob(), "a selected folder is the job's input");

        vm.setShown(true);
        assertEquals(folder + "/sub", vm.folder().path().get(), "showing the panel after a reveal keeps the revealed folder");
    }

    @Test
    void revealingAMissingPathSaysSoAndKeepsTheOpenFolder() throws Exception {
        String folder = HdfsTesting.freshFolder("revealmissing");
        vm.folder().open(folder);

        vm.reveal(folder + "/gone.jpg");

        assertEquals(folder, vm.folder().path().get());
        assertTrue(vm.folder().error().get().startsWith("not found: " + folder + "/gone.jpg"), vm.folder().error().get());
    }
}
