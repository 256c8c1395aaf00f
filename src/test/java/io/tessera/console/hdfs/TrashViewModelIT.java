package io.tessera.console.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.store.RestoreClash;
import io.tessera.engine.store.TrashItem;
import io.tessera.testing.TestImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trash browser's view model on the embedded HDFS: listing, restore with each clash choice, emptying. */
class TrashViewModelIT {
    private final HdfsTesting t = new HdfsTesting();
    private final List<List<String>> restoredInto = new ArrayList<>();
    private final TrashViewModel vm = new TrashViewModel(t.source(), t.tasks, restoredInto::add);
    @TempDir Path scratch;

    @Test
    void trashedFilesAreListedAndRestoredWithTheChosenClashHandling() throws Exception {
        String folder = HdfsTesting.freshFolder("trashvm");
        HdfsTesting.put(folder, scratch, "a.jpg", TestImages.jpeg(20, 20), "b.jpg", TestImages.jpeg(30, 30));
        HdfsTesting.backend().files().moveToTrash(folder + "/a.jpg");
        HdfsTesting.backend().files().moveToTrash(folder + "/b.jpg");
        HdfsTesting.put(folder, scratch, "a.jpg", TestImages.jpeg(40, 40));

        vm.load();
        assertEquals(List.of(folder + "/b.jpg", folder + "/a.jpg"), mine(folder).stream().map(TrashItem::originalPath).toList());
        assertTrue(vm.status().get().matches("[\\d,]+ items? · .*"), vm.status().get());

        vm.clash().set(RestoreClash.SKIP);
        vm.restore(mine(folder));
        assertEquals("Restored 1 item, 1 item left in the trash: the name is taken", vm.message().get());
        assertEquals(List.of(List.of(folder)), restoredInto, "the browser hears which folder got something back");
        assertEquals(List.of(folder + "/a.jpg"), mine(folder).stream().map(TrashItem::originalPath).toList());

        vm.clash().set(RestoreClash.KEEP_BOTH);
        vm.restore(mine(folder));
        assertEquals("Restored 1 item (as a (1).jpg)", vm.message().get());
        assertEquals(List.of(), mine(folder));
        assertTrue(HdfsTesting.backend().browser().exists(folder + "/a (1).jpg"));
    }

    @Test
    void emptyingCountsFirstThenRemovesEverything() throws Exception {
        String folder = HdfsTesting.freshFolder("trashempty");
        HdfsTesting.put(folder, scratch, "gone.jpg", TestImages.jpeg(20, 20));
        HdfsTesting.backend().files().moveToTrash(folder + "/gone.jpg");
        vm.load();
        assertEquals(1, mine(folder).size());

        List<io.tessera.engine.store.DeletePlan> plans = new ArrayList<>();
        vm.planEmpty(plans::add);
        assertTrue(plans.getFirst().files() >= 1, plans.toString());
        vm.empty(plans.getFirst());

        assertEquals(List.of(), vm.items());
        assertEquals("The trash is empty", vm.status().get());
        assertTrue(vm.message().get().startsWith("Emptied the trash: "), vm.message().get());
        assertTrue(TrashView.whatGoes(List.of()).isEmpty());
    }

    private List<TrashItem> mine(String folder) {
        return vm.items().stream().filter(i -> i.originalPath().startsWith(folder + "/")).toList();
    }
}
