package io.tessera.console.shards;

import io.tessera.console.connection.ConnectionSource;
import io.tessera.engine.services.ClusterServices;
import io.tessera.console.common.Formats;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.engine.zk.ZNode;
import io.tessera.engine.zk.ZNodeEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected node: its data in the chosen format, its stat and ACL; editing with a versioned save,
 * creating a child, and deleting (recursively after showing how many nodes would go). Failures become
 * a readable problem line, e.g. the engine's "read-only: …" for a profile without ZooKeeper credentials.
 */
public final class NodeDetailsViewModel {
    /** A delete waiting for the operator's yes: the node and how many nodes lie below it. */
    public record DeleteRequest(String path, long descendants) {}

    private final ConnectionSource<ClusterServices> backend;
    private final BackgroundTasks tasks;
    private final ReadOnlyStringWrapper path = new ReadOnlyStringWrapper("");
    private final ObjectProperty<DataFormat> format = new SimpleObjectProperty<>(DataFormat.TEXT);
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper changedOnServer = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DeleteRequest> deleteRequest = new ReadOnlyObjectWrapper<>();
    private final ObservableList<StatRows.Row> stat = FXCollections.observableArrayList();
    private final ObservableList<String> acl = FXCollections.observableArrayList();
    private final ObservableList<StatRows.Row> statView = FXCollections.unmodifiableObservableList(stat);
    private final ObservableList<String> aclView = FXCollections.unmodifiableObservableList(acl);
    private ZNode node;
    private int generation;

    public NodeDetailsViewModel(ConnectionSource<ClusterServices> backend, BackgroundTasks tasks) {
        this.backend = backend;
        this.tasks = tasks;
        format.addListener((obs, old, now) -> {
            if (!editing.get()) {
                render();
            }
        });
    }

    /** Shows a node (absolute path), or nothing for null. Unsaved edits of the previous node are dropped. */
    public void show(String nodePath) {
        int turn = ++generation;
        editing.set(false);
        changedOnServer.set(false);
        problem.set("");
        message.set("");
        if (nodePath == null) {
            clear();
            return;
        }
        path.set(nodePath);
        tasks.run("Reading " + nodePath, () -> backend.get().znodes().node(nodePath), loaded -> {
            if (turn == generation) {
                node = loaded;
                stat.setAll(StatRows.of(loaded.stat(), Instant.now()));
                acl.setAll(loaded.acl());
                DataFormat suited = DataFormat.suitedTo(loaded.data());
                if (format.get() != suited) {
                    format.set(suited); // renders
                } else {
                    render();
                }
            }
        }, reason -> {
            if (turn == generation) {
                problem.set(reason);
            }
        });
    }

    public void reload() {
        show(path.get().isEmpty() ? null : path.get());
    }

    /** A live change from the tree: reloads the node shown, unless the operator is editing it (then says so). */
    public void onServerChange(ZNodeEvent event) {
        if (!event.path().equals(path.get()) || event.type() == ZNodeEvent.Type.INITIALIZED) {
            return;
        }
        if (event.type() == ZNodeEvent.Type.DELETED) {
            clear();
            message.set(event.path() + " was deleted");
        } else if (editing.get()) {
            changedOnServer.set(true);
        } else {
            show(event.path());
        }
    }

    public void startEdit() {
        if (node == null) {
            return;
        }
        format.set(DataFormat.TEXT);
        text.set(DataFormat.isText(node.data()) ? new String(node.data(), StandardCharsets.UTF_8) : "");
        message.set("");
        editing.set(true);
    }

    public void cancelEdit() {
        editing.set(false);
        changedOnServer.set(false);
        render();
    }

    /** Writes the edited text if the node is still at the version that was read; otherwise says so and keeps the edit. */
    public void save() {
        if (node == null || !editing.get()) {
            return;
        }
        String target = node.path();
        int version = node.stat().version();
        byte[] data = text.get().getBytes(StandardCharsets.UTF_8);
        problem.set("");
        tasks.run("Saving " + target, () -> backend.get().znodeActions().edit(target, data, version), written -> {
            editing.set(false);
            show(target);
            message.set("Saved " + target + " (version " + written.version() + ")");
        }, problem::set);
    }

    /** Creates a child of the node shown; {@code name} is one path segment. */
    public void createChild(String name, String data) {
        if (node == null) {
            return;
        }
        String child = (node.path().equals("/") ? "" : node.path()) + "/" + (name == null ? "" : name.strip());
        if (name == null || name.isBlank() || name.contains("/")) {
            problem.set("a node name is one path segment, without '/'");
            return;
        }
        problem.set("");
        tasks.run("Creating " + child, () -> backend.get().znodeActions().create(child, data.getBytes(StandardCharsets.UTF_8)),
                created -> message.set("Created " + child), problem::set);
    }

    /** First step of a delete: counts what lies below, then asks (see {@link #deleteRequest()}). */
    public void requestDelete() {
        if (node == null) {
            return;
        }
        String target = node.path();
        problem.set("");
        tasks.run("Counting the nodes under " + target, () -> backend.get().znodes().countDescendants(target),
                count -> deleteRequest.set(new DeleteRequest(target, count)), problem::set);
    }

    public void confirmDelete() {
        DeleteRequest request = deleteRequest.get();
        deleteRequest.set(null);
        if (request == null) {
            return;
        }
        int version = node != null && node.path().equals(request.path()) ? node.stat().version() : -1;
        tasks.run("Deleting " + request.path(), () -> backend.get().znodeActions().delete(request.path(), request.descendants(), version), removed -> {
            if (request.path().equals(path.get())) {
                clear();
            }
            message.set("Deleted " + request.path() + (removed > 1 ? " and " + Formats.number(removed - 1) + " nodes under it" : ""));
        }, problem::set);
    }

    public void cancelDelete() {
        deleteRequest.set(null);
    }

    private void clear() {
        generation++;
        node = null;
        path.set("");
        editing.set(false);
        stat.clear();
        acl.clear();
        text.set("");
    }

    private void render() {
        text.set(node == null ? "" : format.get().render(node.data()));
    }

    // ---- state for the view ----

    /** The node shown; empty when none. */
    public ReadOnlyStringProperty path() {
        return path.getReadOnlyProperty();
    }

    public ObjectProperty<DataFormat> format() {
        return format;
    }

    /** The data as shown; while editing, the text being edited (the view binds it both ways). */
    public StringProperty text() {
        return text;
    }

    public ReadOnlyBooleanProperty editing() {
        return editing.getReadOnlyProperty();
    }

    /** True while editing a node that someone else changed meanwhile: saving will be refused. */
    public ReadOnlyBooleanProperty changedOnServer() {
        return changedOnServer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DeleteRequest> deleteRequest() {
        return deleteRequest.getReadOnlyProperty();
    }

    public ObservableList<StatRows.Row> stat() {
        return statView;
    }

    public ObservableList<String> acl() {
        return aclView;
    }

    /** The version the next save expects; -1 when nothing is shown. */
    public int version() {
        return node == null ? -1 : node.stat().version();
    }
}
