package io.tessera.console.hdfs;

import io.tessera.console.connection.ConnectionSource;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.Formats;
import io.tessera.engine.store.DeletePlan;
import io.tessera.engine.store.HdfsEntry;
import io.tessera.engine.store.TrashReceipt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * File operations on the browser's folder: new folder, rename, move, trash (with undo), permanent delete
 * after a {@link DeletePlan}, download and replication. Each runs in the background; the outcome is a
 * one-line message, a failure the store's readable reason ("permission denied: …"). The folder is listed
 * again after every change.
 */
public final class FileOpsViewModel {
    private final ConnectionSource<HdfsBackend> source;
    private final BackgroundTasks tasks;
    private final FolderViewModel folder;
    private final FolderTreeViewModel tree;
    private final PermissionsViewModel permissions;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<TrashReceipt>> undoable = new ReadOnlyObjectWrapper<>();

    /** With permissions of its own that nobody asks (nothing is refused in advance): for tests of the operations alone. */
    public FileOpsViewModel(ConnectionSource<HdfsBackend> source, BackgroundTasks tasks, FolderViewModel folder, FolderTreeViewModel tree) {
        this(source, tasks, folder, tree, new PermissionsViewModel(source, tasks));
    }

    public FileOpsViewModel(ConnectionSource<HdfsBackend> source, BackgroundTasks tasks, FolderViewModel folder, FolderTreeViewModel tree,
                            PermissionsViewModel permissions) {
        this.source = source;
        this.permissions = permissions;
        this.tasks = tasks;
        this.folder = folder;
        this.tree = tree;
    }

    public void newFolder(String name) {
        String path = HdfsPaths.child(folder.path().get(), name.trim());
        change("Creating " + path, List.of(folder.path().get()), () -> source.get().files().mkdir(path), made -> "Created " + made.name());
    }

    public void rename(HdfsEntry entry, String newName) {
        change("Renaming " + entry.name(), parents(List.of(entry.path())), () -> source.get().files().rename(entry.path(), newName.trim()),
                renamed -> "Renamed " + entry.name() + " to " + HdfsPaths.name(renamed));
    }

    public void move(List<String> paths, String target) {
        List<String> moving = paths.stream().filter(p -> !p.equals(target) && !target.startsWith(p + "/")).toList();
        if (moving.isEmpty()) {
            return;
        }
        // moving away needs what removing needs, in the folder checked; the target folder, write there
        String checked = permissions.access().get().folder();
        if (parents(moving).equals(List.of(checked)) && permissions.refusal(io.tessera.engine.store.FileAction.REMOVE).isPresent()) {
            refuse("Cannot move: " + permissions.refusal(io.tessera.engine.store.FileAction.REMOVE).get());
            return;
        }
        List<String> touched = new ArrayList<>(parents(moving));
        touched.add(target);
        change("Moving to " + target, touched, () -> source.get().files().move(moving, target),
                moved -> "Moved " + count(moved.size(), "item") + " to " + target);
    }

    /** Moves the entries to the trash; {@link #undo()} restores them. */
    public void trash(List<HdfsEntry> chosen) {
        change("Moving to the trash", parents(chosen.stream().map(HdfsEntry::path).toList()), () -> {
            List<TrashReceipt> receipts = new ArrayList<>();
            for (HdfsEntry entry : chosen) {
                receipts.add(source.get().files().moveToTrash(entry.path()));
            }
            return receipts;
        }, receipts -> {
            undoable.set(receipts);
            return "Moved " + count(receipts.size(), "item") + " to the trash";
        });
    }

    public void undo() {
        List<TrashReceipt> receipts = undoable.get();
        if (receipts == null) {
            return;
        }
        undoable.set(null);
        change("Restoring from the trash", parents(receipts.stream().map(TrashReceipt::originalPath).toList()), () -> {
            for (TrashReceipt receipt : receipts) {
                source.get().files().restore(receipt);
            }
            return receipts.size();
        }, n -> "Restored " + count(n, "item"));
    }

    /** Counts what a permanent delete would remove; {@code confirm} gets the plan to show, on the UI thread. */
    public void planDelete(List<HdfsEntry> chosen, Consumer<DeletePlan> confirm) {
        List<String> paths = chosen.stream().map(HdfsEntry::path).toList();
        tasks.run("Counting what to delete", () -> source.get().files().planDelete(paths), confirm,
                reason -> error.set("Cannot delete: " + reason));
    }

    public void deletePermanently(DeletePlan plan) {
        change("Deleting", parents(plan.paths()), () -> {
            source.get().files().deletePermanently(plan);
            return plan;
        }, done -> "Deleted " + describe(done) + " for good");
    }

    public void download(List<HdfsEntry> chosen, Path localFolder) {
        tasks.run("Downloading to " + localFolder, () -> {
            for (HdfsEntry entry : chosen) {
                source.get().downloads().download(entry.path(), localFolder);
            }
            return chosen.size();
        }, n -> report("Downloaded " + count(n, "item") + " to " + localFolder), reason -> error.set("Download failed: " + reason));
    }

    public void setReplication(HdfsEntry entry, short replication) {
        change("Setting replication", List.of(), () -> {
            source.get().files().setReplication(entry.path(), replication);
            return replication;
        }, r -> "Replication of " + entry.name() + " set to " + r);
    }

    /** "3 files, 1 folder, 12.0 MB". */
    public static String describe(DeletePlan plan) {
        return count(plan.files(), "file") + ", " + count(plan.folders(), "folder") + ", " + Formats.size(plan.bytes());
    }

    /** Runs a change; afterwards the folder is listed again and the tree lists {@code touched} folders again. */
    private <T> void change(String title, List<String> touched, Callable<T> work, java.util.function.Function<T, String> describe) {
        tasks.run(title, work, result -> {
            report(describe.apply(result));
            changed(touched);
        }, reason -> {
            error.set(title + " failed: " + reason);
            changed(touched);
        });
    }

    /** An action the permissions refuse, not sent: its reason where failures show. */
    public void refuse(String reason) {
        message.set("");
        error.set(reason);
    }

    private void changed(List<String> touched) {
        folder.refresh();
        tree.foldersChanged(touched);
    }

    static List<String> parents(List<String> paths) {
        return paths.stream().map(p -> HdfsPaths.parent(p).orElse("/")).distinct().toList();
    }

    private void report(String text) {
        error.set("");
        message.set(text);
    }

    static String count(long n, String noun) {
        return Formats.number(n) + " " + noun + (n == 1 ? "" : "s");
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    /** What the last trash move put away, while it can still be undone. */
    public ReadOnlyObjectProperty<List<TrashReceipt>> undoable() {
        return undoable.getReadOnlyProperty();
    }
}
