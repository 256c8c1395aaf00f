package io.tessera.console.shards;

import io.tessera.console.connection.ConnectionSource;
import io.tessera.engine.services.ClusterServices;
import io.tessera.console.common.Formats;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.engine.zk.ZNodeSearch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Search under the tree's top path, by path or by data, in the background; cancellable; hits listed in breadth-first order. */
public final class ZNodeSearchViewModel {
    public enum Mode { PATH, DATA }

    private final ConnectionSource<ClusterServices> backend;
    private final BackgroundTasks tasks;
    private final Supplier<String> under;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.PATH);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<ZNodeSearch.Hit> hits = FXCollections.observableArrayList();
    private final ObservableList<ZNodeSearch.Hit> hitsView = FXCollections.unmodifiableObservableList(hits);
    private AtomicBoolean cancelled = new AtomicBoolean();
    private int generation;

    /** @param under where a search starts: the tree's top path at the time */
    public ZNodeSearchViewModel(ConnectionSource<ClusterServices> backend, BackgroundTasks tasks, Supplier<String> under) {
        this.backend = backend;
        this.tasks = tasks;
        this.under = under;
    }

    public void search() {
        String fragment = query.get() == null ? "" : query.get().strip();
        if (fragment.isEmpty()) {
            status.set("Type part of a path or of node data");
            return;
        }
        cancel();
        String start = under.get();
        ZNodeSearch search = mode.get() == Mode.PATH ? ZNodeSearch.byPath(fragment) : ZNodeSearch.byData(fragment);
        AtomicBoolean flag = new AtomicBoolean();
        cancelled = flag;
        int turn = ++generation;
        hits.clear();
        running.set(true);
        status.set("Searching " + start + "…");
        tasks.run("Searching " + start, () -> backend.get().znodes().search(start, search, flag::get), result -> {
            if (turn == generation) {
                running.set(false);
                hits.setAll(result.hits());
                status.set(Formats.number(result.hits().size()) + (result.hits().size() == 1 ? " match" : " matches") + " in "
                        + Formats.number(result.visited()) + " nodes under " + start
                        + (result.stoppedEarly() == null ? "" : " (stopped: " + result.stoppedEarly() + ")"));
            }
        }, reason -> {
            if (turn == generation) {
                running.set(false);
                status.set("Search failed: " + reason);
            }
        });
    }

    /** Stops a running search; what it found so far is shown. */
    public void cancel() {
        cancelled.set(true);
    }

    /** Forgets results (profile switch). */
    public void reset() {
        cancel();
        generation++;
        running.set(false);
        hits.clear();
        status.set("");
    }

    public StringProperty query() {
        return query;
    }

    public ObjectProperty<Mode> mode() {
        return mode;
    }

    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<ZNodeSearch.Hit> hits() {
        return hitsView;
    }
}
