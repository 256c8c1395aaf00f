package io.tessera.console.monitor;

import io.tessera.console.connection.ConnectionSource;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.UiThread;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.monitor.GroupSummary;
import io.tessera.engine.monitor.PendingEntry;
import io.tessera.engine.monitor.PendingPage;
import io.tessera.engine.monitor.QueueHealth;
import io.tessera.engine.monitor.StreamInspector;
import io.tessera.engine.monitor.StreamSummary;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The streams tab: stream keys under a prefix with their groups and consumers, the queue-health line of the dispatch
 * queue under that prefix, and the pending entries of the selected group (or consumer) a page at a time. Everything
 * is read in the background; while the tab shows it is read again every {@link #AUTO_REFRESH_PULSES} pulses (2 s),
 * never twice at once.
 */
public final class StreamsViewModel {
    static final int AUTO_REFRESH_PULSES = 20;
    public static final int STREAM_LIMIT = 200;
    public static final int PENDING_PAGE = 100;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ConnectionSource<MonitorBackend> source;
    private final BackgroundTasks tasks;
    private final StringProperty prefix = new SimpleStringProperty(StreamInspector.DEFAULT_PREFIX);
    private final ReadOnlyObjectWrapper<List<StreamNode>> streams = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper health = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper healthOld = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<PendingEntry> pending = FXCollections.observableArrayList();
    private final ObservableList<PendingEntry> pendingView = FXCollections.unmodifiableObservableList(pending);
    private final ReadOnlyStringWrapper pendingTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper morePending = new ReadOnlyBooleanWrapper(false);
    private StreamNode selected;
    private String pendingAfter;
    private boolean shown;
    private boolean refreshing;
    private int pulses;
    /** Moves on each reset, so answers about the previous connection are dropped. */
    private int generation;

    StreamsViewModel(ConnectionSource<MonitorBackend> source, BackgroundTasks tasks, UiThread ui) {
        this.source = source;
        this.tasks = tasks;
        ui.onPulse(this::pulse);
        select(null);
    }

    /** The tab became visible (panel shown and tab selected) or hidden: visible reads at once, then every 2 s. */
    void setShown(boolean visible) {
        boolean wasShown = shown;
        shown = visible;
        if (visible && !wasShown) {
            refresh();
        }
    }

    private void pulse() {
        if (shown && ++pulses % AUTO_REFRESH_PULSES == 0) {
            refresh();
        }
    }

    private record Snapshot(List<StreamNode> streams, QueueHealth health) {}

    /** Reads the streams and the queue health again, and the first page of the selection's pending entries. */
    public void refresh() {
        if (refreshing) {
            return;
        }
        refreshing = true;
        String under = prefix.get() == null ? "" : prefix.get().strip();
        int asked = generation;
        tasks.run("Reading Redis streams", () -> read(source.get().streams(), under), snapshot -> {
            refreshing = false;
            if (asked != generation) {
                return;
            }
            problem.set("");
            streams.set(snapshot.streams());
            health.set(snapshot.health().summary());
            healthOld.set(snapshot.health().hasOldPending());
            updated.set("Updated " + LocalTime.now().format(CLOCK));
            reloadPending();
        }, reason -> {
            refreshing = false;
            problem.set("Cannot read the streams: " + reason);
        });
    }

    private static Snapshot read(StreamInspector inspector, String prefix) {
        List<StreamNode> nodes = new ArrayList<>();
        for (StreamSummary s : inspector.streams(prefix, STREAM_LIMIT)) {
            List<StreamNode> groups = new ArrayList<>();
            for (GroupSummary g : inspector.groups(s.key())) {
                groups.add(StreamNode.group(s.key(), g, inspector.consumers(s.key(), g.name()).stream()
                        .map(c -> StreamNode.consumer(s.key(), g.name(), c)).toList()));
            }
            nodes.add(StreamNode.stream(s, groups));
        }
        return new Snapshot(nodes, inspector.queueHealth(new DispatchKeys(prefix)));
    }

    /** A row was selected: a group (or one of its consumers, or a stream with one group) lists its pending entries. */
    public void select(StreamNode node) {
        StreamNode target = node;
        if (node != null && node.kind() == StreamNode.Kind.STREAM) {
            target = node.children().size() == 1 ? node.children().getFirst() : null;
        }
        selected = target;
        pending.clear();
        pendingAfter = null;
        morePending.set(false);
        if (target == null) {
            pendingTitle.set(node == null ? "Select a consumer group to see its pending entries"
                    : node.children().isEmpty() ? node.key() + " has no consumer groups" : "Select one of the groups of " + node.key());
            return;
        }
        pendingTitle.set("Pending entries of " + describe(target));
        loadPending(target, null, false);
    }

    /** The next page of the selection's pending entries. */
    public void loadMorePending() {
        if (selected != null && pendingAfter != null) {
            loadPending(selected, pendingAfter, true);
        }
    }

    private void reloadPending() {
        if (selected != null) {
            loadPending(selected, null, false);
        }
    }

    private void loadPending(StreamNode target, String after, boolean append) {
        String consumer = target.kind() == StreamNode.Kind.CONSUMER ? target.name() : null;
        tasks.run("Reading pending entries of " + target.group(),
                () -> source.get().streams().pending(target.key(), target.group(), after, PENDING_PAGE, consumer), page -> {
                    if (target != selected) {
                        return; // the operator moved on meanwhile
                    }
                    apply(page, append);
                }, reason -> problem.set("Cannot read the pending entries: " + reason));
    }

    private void apply(PendingPage page, boolean append) {
        if (append) {
            pending.addAll(page.entries());
        } else {
            pending.setAll(page.entries());
        }
        pendingAfter = page.nextAfter();
        morePending.set(page.nextAfter() != null);
    }

    private static String describe(StreamNode node) {
        return node.kind() == StreamNode.Kind.CONSUMER
                ? node.name() + " in group " + node.group() + " of " + node.key()
                : "group " + node.group() + " of " + node.key();
    }

    /** The connection changed: forget what was read. */
    void reset() {
        generation++;
        streams.set(List.of());
        health.set("");
        healthOld.set(false);
        updated.set("");
        problem.set("");
        select(null);
        if (shown) {
            refresh();
        }
    }

    public StringProperty prefix() {
        return prefix;
    }

    public ReadOnlyObjectProperty<List<StreamNode>> streams() {
        return streams.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty health() {
        return health.getReadOnlyProperty();
    }

    /** Whether some pending entry is idle long enough that its consumer has probably stopped. */
    public ReadOnlyBooleanProperty healthOld() {
        return healthOld.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty updated() {
        return updated.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<PendingEntry> pending() {
        return pendingView;
    }

    public ReadOnlyStringProperty pendingTitle() {
        return pendingTitle.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty morePending() {
        return morePending.getReadOnlyProperty();
    }
}
