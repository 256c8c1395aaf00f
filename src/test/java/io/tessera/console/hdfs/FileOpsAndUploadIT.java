package io.tessera.console.hdfs;

import static io.tessera.console.hdfs.FolderViewModelIT.names;
import static io.tessera.console.hdfs.FolderViewModelIT.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.store.DeletePlan;
import io.tessera.engine.upload.ConflictPolicy;
import io.tessera.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads (hostile files, clashes), file operations, trash and restore, and the preview, on the embedded HDFS. */
class FileOpsAndUploadIT {
    private final HdfsTesting t = new HdfsTesting();
    private final FolderViewModel folder = new FolderViewModel(t.source(), t.tasks, 100);
    private final FileOpsViewModel ops = new FileOpsViewModel(t.source(), t.tasks, folder, new FolderTreeViewModel(t.source(), t.tasks));
    private final UploadViewModel upload = new UploadViewModel(t.source(), t.tasks, t.ui, into -> folder.refresh());
    @TempDir Path scratch;

    @Test
    void anUploadTakesTheGoodFilesAndListsEachRefusedOneWithItsReason() throws Exception {
        String target = HdfsTesting.freshFolder("upload");
        folder.open(target);
        Path set = Files.createDirectories(scratch.resolve("Holiday set"));
        Files.write(set.resolve("beach ünïcode.jpg"), TestImages.noisyJpeg(320, 240, 1));
        Files.write(set.resolve("empty.jpg"), new byte[0]);
        Files.write(set.resolve("text.png"), "not a picture".getBytes());
        Files.write(set.resolve("bomb.png"), TestImages.pngClaiming(60_000, 60_000));

        upload.upload(List.of(set), target);
        t.pulseUntil(() -> !upload.running().get());

        assertEquals(3, upload.problems().size(), upload.problems().toString());
        assertTrue(line("empty.jpg").contains("empty"), line("empty.jpg"));
        assertTrue(line("text.png").contains("not an image"), line("text.png"));
        assertTrue(line("bomb.png").contains("too many pixels"), line("bomb.png"));
        assertTrue(upload.summary().get().startsWith("Done: 1 uploaded"), upload.summary().get());
        assertEquals(1.0, upload.fraction().get());
        assertEquals(List.of("Holiday set"), names(folder), "the folder keeps its name; the listing was refreshed");
        folder.openEntry(only(folder, "Holiday set"));
        assertEquals(List.of("beach ünïcode.jpg"), names(folder));
    }

    @Test
    void aNameClashIsAskedAndKeepBothKeepsBoth() throws Exception {
        String target = HdfsTesting.freshFolder("clash");
        Path photo = Files.write(scratch.resolve("a.jpg"), TestImages.jpeg(40, 30));
        folder.open(target);
        upload.upload(List.of(photo), target);
        t.pulseUntil(() -> !upload.running().get());

        upload.upload(List.of(photo), target);
        t.pulseUntil(() -> upload.conflict().get() != null);
        assertEquals("a.jpg", upload.conflict().get().name());
        assertEquals(target + "/a.jpg", upload.conflict().get().existingPath());
        upload.answer(ConflictPolicy.KEEP_BOTH, false);
        t.pulseUntil(() -> !upload.running().get());

        assertNull(upload.conflict().get());
        assertEquals(List.of("a (1).jpg", "a.jpg"), names(folder));
    }

    @Test
    void aNameStoredInItsOtherUnicodeFormIsAClashTheQuestionExplains() throws Exception {
        String target = HdfsTesting.freshFolder("nfd");
        try (var out = HdfsTesting.connection().fileSystem().create(new org.apache.hadoop.fs.Path(target + "/cafe\u0301.jpg"))) {
            out.write(TestImages.jpeg(10, 10)); // as macOS spells it, written by another tool
        }
        Path photo = Files.write(scratch.resolve("caf\u00E9.jpg"), TestImages.jpeg(40, 30));
        upload.upload(List.of(photo), target);
        t.pulseUntil(() -> upload.conflict().get() != null);
        assertEquals("caf\u00E9.jpg", upload.conflict().get().name());
        assertEquals(target + "/cafe\u0301.jpg", upload.conflict().get().existingPath());
        assertTrue(upload.conflict().get().otherForm());
        upload.answer(ConflictPolicy.OVERWRITE, false);
        t.pulseUntil(() -> !upload.running().get());
        folder.open(target);
        assertEquals(List.of("caf\u00E9.jpg"), names(folder), "replaced: one file, under the composed name");
    }

    @Test
    void newFolderRenameMoveAndAPermanentDeleteAfterItsPlan() throws Exception {
        String root = HdfsTesting.freshFolder("ops");
        HdfsTesting.put(root, scratch, "x.jpg", TestImages.jpeg(20, 20), "y.jpg", TestImages.jpeg(30, 30));
        folder.open(root);
        ops.newFolder("album");
        assertEquals(List.of("album", "x.jpg", "y.jpg"), names(folder));
        ops.rename(only(folder, "y.jpg"), "why.jpg");
        assertEquals("Renamed y.jpg to why.jpg", ops.message().get());
        ops.move(List.of(root + "/x.jpg", root + "/why.jpg"), root + "/album");
        assertEquals(List.of("album"), names(folder));

        AtomicReference<DeletePlan> plan = new AtomicReference<>();
        ops.planDelete(List.of(only(folder, "album")), plan::set);
        assertEquals(2, plan.get().files());
        assertEquals(1, plan.get().folders());
        assertTrue(plan.get().bytes() > 0);
        assertTrue(FileOpsViewModel.describe(plan.get()).startsWith("2 files, 1 folder, "), FileOpsViewModel.describe(plan.get()));
        ops.deletePermanently(plan.get());
        assertEquals(List.of(), names(folder));
        assertTrue(ops.message().get().startsWith("Deleted 2 files, 1 folder"), ops.message().get());

        ops.rename(new io.tessera.engine.store.HdfsEntry("gone.jpg", root + "/gone.jpg", false, 0, java.time.Instant.now(), "", "", "", (short) 1, 0), "z.jpg");
        assertTrue(ops.error().get().startsWith("Renaming gone.jpg failed: not found: "), ops.error().get());
    }

    @Test
    void downloadCopiesToALocalFolderAndReplicationIsSet() throws Exception {
        String root = HdfsTesting.freshFolder("download");
        byte[] photo = TestImages.jpeg(25, 25);
        HdfsTesting.put(root, scratch, "d.jpg", photo);
        folder.open(root);
        Path local = Files.createDirectories(scratch.resolve("downloads"));

        ops.download(List.of(only(folder, "d.jpg")), local);
        assertTrue(java.util.Arrays.equals(photo, Files.readAllBytes(local.resolve("d.jpg"))));
        assertEquals("Downloaded 1 item to " + local, ops.message().get());

        ops.setReplication(only(folder, "d.jpg"), (short) 2);
        assertEquals(2, only(folder, "d.jpg").replication(), "the listing was refreshed with the new replication");
    }

    @Test
    void trashThenUndoRestoresTheFile() throws Exception {
        String root = HdfsTesting.freshFolder("trash");
        HdfsTesting.put(root, scratch, "keep.jpg", TestImages.jpeg(20, 20));
        folder.open(root);

        ops.trash(List.of(only(folder, "keep.jpg")));
        assertEquals(List.of(), names(folder));
        assertNotNull(ops.undoable().get());
        assertEquals("Moved 1 item to the trash", ops.message().get());

        ops.undo();
        assertEquals(List.of("keep.jpg"), names(folder));
        assertNull(ops.undoable().get());
        assertEquals("Restored 1 item", ops.message().get());
    }

    @Test
    void thePreviewShowsTheStatusTheImageMetadataWithExifAndTheBlocks() throws Exception {
        String root = HdfsTesting.freshFolder("preview");
        HdfsTesting.put(root, scratch, "cam.jpg", TestImages.jpegWithExif(300, 200, "Canon", "Canon EOS R5", 6, "2024:05:01 10:20:30"));
        folder.open(root);
        PreviewViewModel preview = new PreviewViewModel(t.source(), t.tasks);

        preview.show(only(folder, "cam.jpg"));
        Map<String, String> facts = facts(preview);
        assertEquals("300×200", facts.get("Dimensions"));
        assertEquals("JPEG", facts.get("Format"));
        assertEquals("Canon EOS R5", facts.get("Camera"));
        assertEquals("6", facts.get("Orientation"));
        assertEquals(root + "/cam.jpg", facts.get("Path"));
        assertEquals(1, preview.blocks().size());
        assertTrue(preview.blocks().getFirst().contains("127.0.0.1"), preview.blocks().getFirst());
        assertEquals("", preview.imageProblem().get());
    }

    private Map<String, String> facts(PreviewViewModel preview) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        preview.facts().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    private String line(String name) {
        return upload.problems().stream().map(UploadProblem::line).filter(l -> l.contains(name)).findFirst().orElse("(no line for " + name + ")");
    }
}
