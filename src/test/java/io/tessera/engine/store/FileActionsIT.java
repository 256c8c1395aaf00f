package io.tessera.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.actions.ActionGate;
import io.tessera.engine.actions.ReadOnlyException;
import io.tessera.engine.actions.WriteAccess;
import io.tessera.engine.audit.AuditActions;
import io.tessera.engine.audit.AuditEvent;
import io.tessera.engine.audit.AuditResult;
import io.tessera.engine.upload.ConflictPolicy;
import io.tessera.engine.upload.ConflictResolver;
import io.tessera.engine.upload.UploadListener;
import io.tessera.engine.upload.UploadRequest;
import io.tessera.engine.upload.Uploader;
import io.tessera.testing.RecordingTrail;
import io.tessera.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file action on the embedded HDFS leaves exactly one audit record: what, on which paths, and how it ended. */
class FileActionsIT {
    private final HdfsBrowser browser = new HdfsBrowser(StoreFixtures.connection());
    private final RecordingTrail trail = new RecordingTrail();
    private final FileActions actions = new FileActions(browser, new Uploader(StoreFixtures.connection()), new ActionGate(trail, WriteAccess.ALLOWED));

    @Test
    void eachActionIsRecordedOnceWithItsTargetsAndResult() throws Exception {
        String root = StoreFixtures.freshFolder("audit");
        actions.mkdir(root + "/a");
        trail.expectOne(AuditActions.FILE_NEW_FOLDER, List.of(root + "/a"), AuditResult.DONE);

        StoreFixtures.write(root + "/a/one.jpg", TestImages.jpeg(20, 10));
        StoreFixtures.write(root + "/a/taken.jpg", TestImages.jpeg(20, 10));
        String renamed = actions.rename(root + "/a/one.jpg", "two.jpg");
        AuditEvent rename = trail.expectOne(AuditActions.FILE_RENAME, List.of(root + "/a/one.jpg"), AuditResult.DONE);
        assertEquals(Map.of("new name", "two.jpg"), rename.parameters());

        StoreException clash = assertThrows(StoreException.class, () -> actions.rename(renamed, "taken.jpg"));
        AuditEvent failed = trail.expectOne(AuditActions.FILE_RENAME, List.of(renamed), AuditResult.FAILED);
        assertEquals(clash.getMessage(), failed.reason(), "the record says why, as the operator was told");
        assertTrue(browser.exists(renamed), "a failed rename changes nothing");

        actions.mkdir(root + "/b");
        trail.take();
        actions.move(List.of(renamed), root + "/b");
        assertEquals(Map.of("to", root + "/b"), trail.expectOne(AuditActions.FILE_MOVE, List.of(renamed), AuditResult.DONE).parameters());

        actions.setReplication(root + "/b/two.jpg", (short) 1);
        trail.expectOne(AuditActions.FILE_REPLICATION, List.of(root + "/b/two.jpg"), AuditResult.DONE);
        assertThrows(StoreException.class, () -> actions.setReplication(root + "/b", (short) 1));
        trail.expectOne(AuditActions.FILE_REPLICATION, List.of(root + "/b"), AuditResult.FAILED);

        TrashReceipt receipt = actions.moveToTrash(root + "/b/two.jpg");
        trail.expectOne(AuditActions.FILE_TRASH, List.of(root + "/b/two.jpg"), AuditResult.DONE);
        actions.restore(receipt);
        trail.expectOne(AuditActions.FILE_RESTORE, List.of(root + "/b/two.jpg"), AuditResult.DONE);

        DeletePlan plan = actions.planDelete(List.of(root + "/b"));
        assertEquals(List.of(), trail.take(), "counting is a read: no record");
        actions.deletePermanently(plan);
        AuditEvent delete = trail.expectOne(AuditActions.FILE_DELETE, List.of(root + "/b"), AuditResult.DONE);
        assertEquals("1", delete.parameters().get("files"));
        assertFalse(browser.exists(root + "/b"));
    }

    @Test
    void anUploadIsRecordedOnceWhenItEndsWithWhatWasStored(@TempDir Path local) throws Exception {
        String root = StoreFixtures.freshFolder("audit-upload");
        Files.write(local.resolve("good.jpg"), TestImages.jpeg(30, 20));
        Files.write(local.resolve("bad.jpg"), "not an image".getBytes());
        actions.upload(UploadRequest.of(List.of(local.resolve("good.jpg")), root, ConflictPolicy.SKIP, 1), UploadListener.NONE, ConflictResolver.SKIP_ALL)
                .await(Duration.ofSeconds(60));
        AuditEvent done = awaitOne();
        assertEquals(AuditActions.FILE_UPLOAD, done.action());
        assertEquals(AuditResult.DONE, done.result());
        assertEquals(List.of(root), done.targets());
        assertEquals("1", done.parameters().get("uploaded"));

        actions.upload(UploadRequest.of(List.of(local.resolve("bad.jpg")), root, ConflictPolicy.SKIP, 1), UploadListener.NONE, ConflictResolver.SKIP_ALL)
                .await(Duration.ofSeconds(60));
        AuditEvent refused = awaitOne();
        assertEquals(AuditResult.FAILED, refused.result());
        assertEquals("1 of 1 files not stored (refused or failed)", refused.reason());
    }

    @Test
    void aReadOnlyProfileRefusesEveryWriteAndRecordsTheRefusal(@TempDir Path local) throws Exception {
        String root = StoreFixtures.freshFolder("audit-readonly");
        StoreFixtures.write(root + "/keep.jpg", TestImages.jpeg(20, 10));
        FileActions viewer = new FileActions(browser, new Uploader(StoreFixtures.connection()), new ActionGate(trail, WriteAccess.readOnly("Viewer")));

        ReadOnlyException refused = assertThrows(ReadOnlyException.class, () -> viewer.mkdir(root + "/new"));
        assertEquals("profile 'Viewer' is read-only: no changes can be made through it", refused.getMessage());
        AuditEvent denied = trail.expectOne(AuditActions.FILE_NEW_FOLDER, List.of(root + "/new"), AuditResult.DENIED);
        assertEquals(refused.getMessage(), denied.reason());

        assertThrows(ReadOnlyException.class, () -> viewer.rename(root + "/keep.jpg", "other.jpg"));
        trail.expectOne(AuditActions.FILE_RENAME, List.of(root + "/keep.jpg"), AuditResult.DENIED);
        assertThrows(ReadOnlyException.class, () -> viewer.moveToTrash(root + "/keep.jpg"));
        trail.expectOne(AuditActions.FILE_TRASH, List.of(root + "/keep.jpg"), AuditResult.DENIED);
        assertThrows(ReadOnlyException.class, () -> viewer.deletePermanently(viewer.planDelete(List.of(root + "/keep.jpg"))));
        trail.expectOne(AuditActions.FILE_DELETE, List.of(root + "/keep.jpg"), AuditResult.DENIED);
        Files.write(local.resolve("good.jpg"), TestImages.jpeg(30, 20));
        assertThrows(ReadOnlyException.class, () -> viewer.upload(UploadRequest.of(List.of(local.resolve("good.jpg")), root, ConflictPolicy.SKIP, 1),
                UploadListener.NONE, ConflictResolver.SKIP_ALL));
        trail.expectOne(AuditActions.FILE_UPLOAD, List.of(root), AuditResult.DENIED);

        assertFalse(browser.exists(root + "/new"));
        assertTrue(browser.exists(root + "/keep.jpg"), "nothing was changed");
        assertFalse(browser.exists(root + "/good.jpg"));
        assertTrue(browser.exists(root), "reads go on as before");
    }

    /** An upload records when its job has completed, on the upload's thread: wait for that one record. */
    private AuditEvent awaitOne() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (trail.events().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return trail.single();
    }
}
