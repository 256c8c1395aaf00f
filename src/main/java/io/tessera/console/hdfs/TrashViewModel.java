package io.tessera.console.hdfs;

import io.tessera.console.connection.ConnectionSource;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.Formats;
import io.tessera.engine.store.DeletePlan;
import io.tessera.engine.store.RestoreClash;
import io.tessera.engine.store.TrashContents;
import io.tessera.engine.store.TrashItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The trash browser: what is in the user's HDFS trash (current and checkpoints), restoring chosen items (what
 * happens when a name is taken again is chosen up front), and emptying after a counted confirmation.
 * {@code restored} hears the folders that got something back, so the browser and the tree can list them again.
 */
public final class TrashViewModel {
    /** Items listed at most: a trash holding a huge folder deleted with {@code hdfs dfs -rm} still opens at once. */
    static final int LIMIT = 5_000;

    private final ConnectionSource<HdfsBackend> source;
    private final BackgroundTasks tasks;
    private final Consumer<List<String>> restored;
    private final ObservableList<TrashItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<RestoreClash> clash = new SimpleObjectProperty<>(RestoreClash.KEEP_BOTH);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public TrashViewModel(ConnectionSource<HdfsBackend> source, BackgroundTasks tasks, Consumer<List<String>> restored) {
        this.source = source;
        this.tasks = tasks;
        this.restored = restored;
    }

    /** Lists the trash (again). */
    public void load() {
        busy.set(true);
        status.set("Reading the trash …");
        tasks.run("Reading the HDFS trash", () -> source.get().files().trashContents(LIMIT), this::show, this::failed);
    }

    /** Restores the items to where they were; a taken name is handled as {@link #clash()} says. */
    public void restore(List<TrashItem> chosen) {
        if (chosen.isEmpty() || busy.get()) {
            return;
        }
        List<TrashItem> restoring = List.copyOf(chosen);
        RestoreClash onClash = clash.get();
        busy.set(true);
        tasks.run("Restoring from the HDFS trash", () -> {
            List<String> back = new ArrayList<>();
            List<String> renamed = new ArrayList<>();
            int skipped = 0;
            for (TrashItem item : restoring) {
                Optional<String> at = source.get().files().restore(item, onClash);
                if (at.isEmpty()) {
                    skipped++;
                } else {
                    back.add(at.get());
                    if (!at.get().equals(item.originalPath())) {
                        renamed.add(HdfsPaths.name(at.get()));
                    }
                }
            }
            return new Restored(back, renamed, skipped);
        }, done -> {
            message.set("Restored " + FileOpsViewModel.count(done.paths().size(), "item")
                    + (done.renamed().isEmpty() ? "" : " (as " + String.join(", ", done.renamed()) + ")")
                    + (done.skipped() > 0 ? ", " + FileOpsViewModel.count(done.skipped(), "item") + " left in the trash: the name is taken" : ""));
            restored.accept(FileOpsViewModel.parents(done.paths()));
            load();
        }, reason -> {
            failed("Restore failed: " + reason);
            load();
        });
    }

    /** Counts what emptying would remove; {@code confirm} gets the plan on the UI thread. */
    public void planEmpty(Consumer<DeletePlan> confirm) {
        tasks.run("Counting the HDFS trash", () -> source.get().files().planEmptyTrash(), confirm, reason -> failed("Cannot empty the trash: " + reason));
    }

    public void empty(DeletePlan plan) {
        busy.set(true);
        tasks.run("Emptying the HDFS trash", () -> {
            source.get().files().deletePermanently(plan);
            return plan;
        }, done -> {
            message.set("Emptied the trash: " + FileOpsViewModel.describe(done) + " deleted for good");
            load();
        }, reason -> {
            failed("Emptying failed: " + reason);
            load();
        });
    }

    private void show(TrashContents contents) {
        busy.set(false);
        error.set("");
        items.setAll(contents.items());
        long bytes = contents.items().stream().mapToLong(TrashItem::size).sum();
        status.set(contents.items().isEmpty() ? "The trash is empty"
                : FileOpsViewModel.count(contents.items().size(), "item") + (contents.truncated() ? " shown (more in the trash)" : "") + " · " + Formats.size(bytes) + " in files");
    }

    private void failed(String reason) {
        busy.set(false);
        error.set(reason);
    }

    public ObservableList<TrashItem> items() {
        return items;
    }

    /** What a restore does when the original name is taken again. */
    public ObjectProperty<RestoreClash> clash() {
        return clash;
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    private record Restored(List<String> paths, List<String> renamed, int skipped) {}
}
