package io.tessera.engine.store;

import io.tessera.engine.actions.ActionGate;
import io.tessera.engine.actions.ReadOnlyException;
import io.tessera.engine.audit.AuditActions;
import io.tessera.engine.audit.AuditEvent;
import io.tessera.engine.audit.AuditResult;
import io.tessera.engine.upload.ConflictResolver;
import io.tessera.engine.upload.FileOutcome;
import io.tessera.engine.upload.UploadJob;
import io.tessera.engine.upload.UploadListener;
import io.tessera.engine.upload.UploadRequest;
import io.tessera.engine.upload.UploadSummary;
import io.tessera.engine.upload.Uploader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every operator action on HDFS files, for the console and the CLI alike: upload, new folder, rename, move,
 * replication, trash, restore, permanent delete. Each goes through the {@link ActionGate}: refused on a read-only
 * profile, and recorded once in the audit trail with its paths. The counting that comes before a delete
 * ({@link #planDelete}, {@link #planEmptyTrash}) and the trash's contents are reads and leave no record.
 */
public final class FileActions {
    private final HdfsFiles files;
    private final HdfsTrash trash;
    private final Uploader uploader;
    private final ActionGate gate;
    private final HdfsPermissions permissions;

    public FileActions(HdfsBrowser browser, Uploader uploader, ActionGate gate) {
        this.files = new HdfsFiles(browser);
        this.permissions = new HdfsPermissions(browser);
        this.trash = new HdfsTrash(browser);
        this.uploader = uploader;
        this.gate = gate;
    }

    /** Whether writes are allowed, and if not why: panels disable their writes with this reason. */
    public io.tessera.engine.actions.WriteAccess access() {
        return gate.access();
    }

    /**
     * What the connection's HDFS user may do in {@code folder} and with the {@code selected} entries of it (a read: no
     * record), each "no" with its reason: panels disable those actions before the operator tries.
     */
    public FileAccess permissions(String folder, List<HdfsEntry> selected) throws StoreException {
        return permissions.check(folder, selected);
    }

    public HdfsEntry mkdir(String path) throws StoreException, ReadOnlyException {
        return gate.write(AuditActions.FILE_NEW_FOLDER, List.of(path), Map.of(), () -> files.mkdir(path));
    }

    public String rename(String path, String newName) throws StoreException, ReadOnlyException {
        return gate.write(AuditActions.FILE_RENAME, List.of(path), Map.of("new name", newName), () -> files.rename(path, newName));
    }

    public List<String> move(List<String> paths, String folder) throws StoreException, ReadOnlyException {
        return gate.write(AuditActions.FILE_MOVE, paths, Map.of("to", folder), () -> files.move(paths, folder));
    }

    public void setReplication(String path, short replication) throws StoreException, ReadOnlyException {
        gate.run(AuditActions.FILE_REPLICATION, List.of(path), Map.of("replication", Short.toString(replication)),
                () -> files.setReplication(path, replication));
    }

    public TrashReceipt moveToTrash(String path) throws StoreException, ReadOnlyException {
        return gate.write(AuditActions.FILE_TRASH, List.of(path), Map.of(), () -> trash.moveToTrash(path));
    }

    /** Moves a path trashed by {@link #moveToTrash} back (the Undo of a trash). */
    public String restore(TrashReceipt receipt) throws StoreException, ReadOnlyException {
        return gate.write(AuditActions.FILE_RESTORE, List.of(receipt.originalPath()), Map.of("from", receipt.trashPath()),
                () -> trash.restore(receipt));
    }

    /** Restores an item of the trash; see {@link HdfsTrash#restore(TrashItem, RestoreClash)} for the clash. */
    public Optional<String> restore(TrashItem item, RestoreClash clash) throws StoreException, ReadOnlyException {
        return gate.write(AuditActions.FILE_RESTORE, List.of(item.originalPath()), Map.of("from", item.trashPath(), "if taken", clash.name()),
                () -> trash.restore(item, clash));
    }

    /** Deletes a counted plan for good (no trash): a selection, or the whole trash ({@link #planEmptyTrash}). */
    public void deletePermanently(DeletePlan plan) throws StoreException, ReadOnlyException {
        gate.run(AuditActions.FILE_DELETE, plan.paths(), Map.of("files", Long.toString(plan.files()), "folders", Long.toString(plan.folders()),
                "bytes", Long.toString(plan.bytes())), () -> files.deletePermanently(plan));
    }

    /**
     * Starts an upload and returns at once. One record when it ends: DONE when every file was stored (or skipped as
     * asked), FAILED with how many were not, or cancelled; refused at once on a read-only profile.
     */
    public UploadJob upload(UploadRequest request, UploadListener listener, ConflictResolver resolver) throws ReadOnlyException {
        List<String> targets = List.of(request.targetFolder());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("files", Integer.toString(request.items().size()));
        parameters.put("if taken", request.policy().name());
        gate.refuseIfReadOnly(AuditActions.FILE_UPLOAD, targets, parameters);
        UploadJob job = uploader.start(request, listener, resolver);
        // recorded before the job's completion completes: a CLI that exits as soon as the upload ends keeps the record
        job.beforeCompletion(summary -> gate.trail().record(ended(targets, parameters, summary, null)));
        return job;
    }

    private static AuditEvent ended(List<String> targets, Map<String, String> asked, UploadSummary summary, Throwable failure) {
        Map<String, String> parameters = new LinkedHashMap<>(asked);
        if (failure != null || summary == null) {
            return new AuditEvent(AuditActions.FILE_UPLOAD, targets, parameters, AuditResult.FAILED,
                    failure == null ? "ended without a summary" : io.tessera.engine.Reasons.oneLine(failure));
        }
        parameters.put("uploaded", Long.toString(summary.count(FileOutcome.Status.UPLOADED)));
        parameters.put("bytes", Long.toString(summary.bytesUploaded()));
        long notStored = summary.count(FileOutcome.Status.REFUSED) + summary.count(FileOutcome.Status.FAILED);
        if (summary.cancelled()) {
            return new AuditEvent(AuditActions.FILE_UPLOAD, targets, parameters, AuditResult.FAILED, "cancelled");
        }
        if (notStored > 0) {
            return new AuditEvent(AuditActions.FILE_UPLOAD, targets, parameters, AuditResult.FAILED, notStored + " of " + summary.outcomes().size()
                    + " files not stored (refused or failed)");
        }
        return new AuditEvent(AuditActions.FILE_UPLOAD, targets, parameters, AuditResult.DONE, "");
    }

    /** Deletes what upload runs of dead processes left (their journals say what); nothing on a read-only profile. */
    public int sweepInterrupted() throws IOException {
        return gate.access().allowed() ? uploader.sweepInterrupted() : 0;
    }

    /** Counts what deleting these paths would remove (a read: no record). */
    public DeletePlan planDelete(List<String> paths) throws StoreException {
        return files.planDelete(paths);
    }

    /** What emptying the trash removes, counted (a read: no record); {@link #deletePermanently} then empties it. */
    public DeletePlan planEmptyTrash() throws StoreException {
        return trash.planEmpty();
    }

    public TrashContents trashContents(int limit) throws StoreException {
        return trash.contents(limit);
    }
}
