package io.tessera.console.hdfs;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.connection.ConnectionSource;
import io.tessera.engine.store.FileAccess;
import io.tessera.engine.store.FileAction;
import io.tessera.engine.store.HdfsEntry;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the connection's HDFS user may do in the folder shown and with the entries selected there ({@link FileAccess},
 * from the engine's file service), for the panel to disable what HDFS would refuse and say why before the operator
 * tries. Checked again in the background when the folder, the selection or the connection changes; until an answer
 * comes, and when the check itself fails, nothing is disabled (HDFS still decides, and a refusal is then its message).
 */
public final class PermissionsViewModel {
    private final ConnectionSource<HdfsBackend> source;
    private final BackgroundTasks tasks;
    private final ReadOnlyObjectWrapper<FileAccess> access = new ReadOnlyObjectWrapper<>(FileAccess.unrestricted("/", ""));
    private long asked;

    PermissionsViewModel(ConnectionSource<HdfsBackend> source, BackgroundTasks tasks) {
        this.source = source;
        this.tasks = tasks;
    }

    /** Checks {@code folder} with {@code selected}; only the answer to the latest question is kept. On the UI thread. */
    public void check(String folder, List<HdfsEntry> selected) {
        if (folder == null) {
            return;
        }
        long question = ++asked;
        List<HdfsEntry> entries = List.copyOf(selected);
        tasks.runQuietly(() -> source.get().files().permissions(folder, entries), answer -> {
            if (question == asked) {
                access.set(answer);
            }
        }, failed -> {
            if (question == asked) {
                access.set(FileAccess.unrestricted(folder, ""));
            }
        });
    }

    /** Another connection: nothing is known of its user yet, and an answer still coming is for the former one. */
    void reset() {
        asked++;
        access.set(FileAccess.unrestricted("/", ""));
    }

    public ReadOnlyObjectProperty<FileAccess> access() {
        return access.getReadOnlyProperty();
    }

    /** True while the action is refused. */
    public BooleanBinding refused(FileAction action) {
        return Bindings.createBooleanBinding(() -> !access.get().permit(action).allowed(), access);
    }

    /** Why the action is refused; empty while it is allowed. */
    public StringBinding reason(FileAction action) {
        return Bindings.createStringBinding(() -> access.get().permit(action).reason(), access);
    }

    /** The reason to refuse {@code action} now, if it is refused. */
    public Optional<String> refusal(FileAction action) {
        return access.get().permit(action).allowed() ? Optional.empty() : Optional.of(access.get().permit(action).reason());
    }

    /** The first refusal worth a line under the title: writing here, else changing the selection, else its replication. */
    public StringBinding note() {
        return Bindings.createStringBinding(() -> {
            for (FileAction action : FileAction.values()) {
                if (!access.get().permit(action).allowed()) {
                    return access.get().permit(action).reason();
                }
            }
            return "";
        }, access);
    }
}
