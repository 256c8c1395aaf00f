package io.tessera.console.shards;

import io.tessera.console.connection.ConnectionSource;
import io.tessera.engine.services.ClusterServices;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.PulseBatch;
import io.tessera.console.common.UiThread;
import io.tessera.engine.zk.ChildPage;
import io.tessera.engine.zk.ZNode;
import io.tessera.engine.zk.ZNodeEvent;
import io.tessera.engine.zk.ZNodeWatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The ZooKeeper tree: a top path (the Tessera root at first, "/" for the whole ensemble), children
 * loaded a page at a time when a row opens, and live changes under the top path from a
 * {@link ZNodeWatcher}, applied in order on the UI pulse: a created node appears, a deleted one goes,
 * counts follow, and nothing is listed again.
 */
public final class ZNodeTreeViewModel {
    public static final int DEFAULT_PAGE = 200;

    private final ConnectionSource<ClusterServices> backend;
    private final BackgroundTasks tasks;
    private final int pageSize;
    private final PulseBatch<Stamped> events;
    private final Map<String, ZNodeEntry> byPath = new HashMap<>();
    private final Map<ZNodeEntry, List<Runnable>> waiting = new HashMap<>();
    private final ReadOnlyObjectWrapper<ZNodeEntry> top = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ZNodeEntry> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ZNodeEntry> revealed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper tesseraRoot = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper liveStatus = new ReadOnlyStringWrapper("");
    private Consumer<ZNodeEvent> changeListener = event -> { };
    private ZNodeWatcher watcher;
    private int generation;

    private record Stamped(int generation, ZNodeEvent event) {}

    public ZNodeTreeViewModel(ConnectionSource<ClusterServices> backend, BackgroundTasks tasks, UiThread ui, int pageSize) {
        this.backend = backend;
        this.tasks = tasks;
        this.pageSize = pageSize;
        this.events = new PulseBatch<>(ui, this::applyEvents);
    }

    /** Shows the Tessera root of the active profile. */
    public void open() {
        int turn = generation;
        tasks.run("Finding the Tessera root", () -> backend.get().znodes().rootPath(), root -> {
            if (turn == generation) {
                tesseraRoot.set(root);
                showTop(root);
            }
        }, this::fail);
    }

    /** Makes {@code path} the top of the tree and watches what lies under it. */
    public void showTop(String path) {
        String normalized = normalize(path);
        int turn = ++generation;
        stopWatching();
        problem.set("");
        tasks.run("Reading " + normalized, () -> backend.get().znodes().node(normalized), node -> {
            if (turn == generation) {
                installTop(node, turn);
            }
        }, this::fail);
    }

    /** Shows the parent of the current top, if there is one. */
    public void up() {
        ZNodeEntry current = top.get();
        if (current != null && !current.path().equals("/")) {
            showTop(parentOf(current.path()));
        }
    }

    /** The path field: selects the node in the tree, opening the rows on the way; outside the top, it becomes the top. */
    public void jumpTo(String path) {
        String target = normalize(path);
        ZNodeEntry current = top.get();
        if (current == null || !isUnder(target, current.path())) {
            showTop(target);
            return;
        }
        revealFrom(current, target, generation);
    }

    public void select(ZNodeEntry entry) {
        selected.set(entry == null || entry.isMore() ? null : entry);
    }

    /** Loads the next page of a partly loaded node (the "load more" row). */
    public void loadMore(ZNodeEntry entry) {
        ZNodeEntry parent = entry.isMore() ? entry.parent() : entry;
        loadPage(parent, parent.loadedNodes(), generation, () -> { });
    }

    /** Stops watching; the tree stays as it is (profile switch or panel reset). */
    public void close() {
        generation++;
        stopWatching();
        byPath.clear();
        top.set(null);
        selected.set(null);
        revealed.set(null);
    }

    /** Called on the UI thread for every live change applied, e.g. so the details can reload. */
    public void onChange(Consumer<ZNodeEvent> listener) {
        this.changeListener = listener;
    }

    private void installTop(ZNode node, int turn) {
        byPath.clear();
        waiting.clear();
        ZNodeEntry entry = ZNodeEntry.node(node.path(), null, node.stat().numChildren(), node.stat().dataLength(), node.stat().ephemeral());
        track(entry);
        top.set(entry);
        selected.set(null);
        entry.expanded().set(true);
        liveStatus.set("connecting live updates…");
        tasks.run("Watching " + node.path(), () -> backend.get().watch(node.path(), false, event -> events.offer(new Stamped(turn, event))), started -> {
            if (turn == generation) {
                watcher = started;
            } else {
                started.close();
            }
        }, this::fail);
    }

    private void track(ZNodeEntry entry) {
        byPath.put(entry.path(), entry);
        entry.expanded().addListener((obs, was, now) -> {
            if (now && !entry.loadRequested()) {
                loadPage(entry, 0, generation, () -> { });
            }
        });
    }

    /** Loads a page unless one is on its way for this node already; {@code then} runs after the page that is added next. */
    private void loadPage(ZNodeEntry parent, int offset, int turn, Runnable then) {
        List<Runnable> queued = waiting.get(parent);
        if (queued != null) {
            queued.add(then);
            return;
        }
        List<Runnable> after = new ArrayList<>(List.of(then));
        waiting.put(parent, after);
        parent.markLoadRequested();
        tasks.run("Listing " + parent.path(), () -> backend.get().znodes().children(parent.path(), offset, pageSize), page -> {
            waiting.remove(parent, after);
            if (turn == generation && byPath.get(parent.path()) == parent) {
                addPage(parent, page);
                after.forEach(Runnable::run);
            }
        }, reason -> {
            waiting.remove(parent, after);
            fail(reason);
        });
    }

    private void addPage(ZNodeEntry parent, ChildPage page) {
        var rows = parent.mutableChildren();
        ZNodeEntry more = parent.moreRow();
        if (more != null) {
            rows.removeLast();
        }
        List<ZNodeEntry> added = page.children().stream()
                .filter(child -> !byPath.containsKey(child.path()))
                .map(child -> ZNodeEntry.node(child.path(), parent, child.numChildren(), child.dataLength(), child.ephemeral()))
                .toList();
        added.forEach(this::track);
        rows.addAll(added);
        parent.setNumChildren(page.total());
        int left = page.total() - rows.size();
        if (left > 0) {
            ZNodeEntry row = more != null ? more : ZNodeEntry.more(parent);
            row.setRemaining(left);
            rows.add(row);
        }
    }

    private void revealFrom(ZNodeEntry at, String target, int turn) {
        if (turn != generation) {
            return;
        }
        if (at.path().equals(target)) {
            selected.set(at);
            revealed.set(null);
            revealed.set(at);
            return;
        }
        at.expanded().set(true);
        String next = childOnTheWay(at.path(), target);
        ZNodeEntry child = byPath.get(next);
        if (child != null) {
            revealFrom(child, target, turn);
        } else if (waiting.containsKey(at) || !at.loadRequested() || at.moreRow() != null) {
            // not loaded yet, or in a page still to come: continue once the next page is in
            loadPage(at, at.loadedNodes(), turn, () -> revealFrom(at, target, turn));
        } else {
            problem.set(next + " does not exist");
        }
    }

    private void applyEvents(List<Stamped> batch) {
        for (Stamped stamped : batch) {
            if (stamped.generation() == generation) {
                apply(stamped.event());
                changeListener.accept(stamped.event());
            }
        }
    }

    private void apply(ZNodeEvent event) {
        ZNodeEntry known = byPath.get(event.path());
        switch (event.type()) {
            case CHANGED -> {
                if (known != null) {
                    known.setDataLength(event.data() == null ? 0 : event.data().length);
                }
            }
            case CREATED -> {
                if (known != null) {
                    known.setDataLength(event.data() == null ? 0 : event.data().length);
                } else {
                    created(event);
                }
            }
            case DELETED -> deleted(event.path(), known);
            case INITIALIZED -> liveStatus.set("live");
        }
    }

    private void created(ZNodeEvent event) {
        ZNodeEntry parent = byPath.get(parentOf(event.path()));
        if (parent == null) {
            return;
        }
        parent.setNumChildren(parent.numChildren().get() + 1);
        if (!parent.loadRequested()) {
            return;
        }
        var rows = parent.mutableChildren();
        ZNodeEntry more = parent.moreRow();
        int loaded = parent.loadedNodes();
        String name = event.path().substring(event.path().lastIndexOf('/') + 1);
        int at = 0;
        while (at < loaded && rows.get(at).name().compareTo(name) < 0) {
            at++;
        }
        if (more != null && at == loaded) {
            more.setRemaining(more.remaining().get() + 1); // sorts after the loaded page: it comes with a later one
            return;
        }
        ZNodeEntry entry = ZNodeEntry.node(event.path(), parent, 0, event.data() == null ? 0 : event.data().length, false);
        track(entry);
        rows.add(at, entry);
    }

    private void deleted(String path, ZNodeEntry known) {
        ZNodeEntry parent = byPath.get(parentOf(path));
        if (parent != null) {
            parent.setNumChildren(parent.numChildren().get() - 1);
            ZNodeEntry more = parent.moreRow();
            if (known != null) {
                parent.mutableChildren().remove(known);
            } else if (more != null) {
                more.setRemaining(more.remaining().get() - 1);
                if (more.remaining().get() == 0) {
                    parent.mutableChildren().remove(more);
                }
            }
        }
        if (known != null) {
            forget(known);
            if (selected.get() == known) {
                selected.set(null);
            }
        }
    }

    private void forget(ZNodeEntry entry) {
        byPath.remove(entry.path());
        entry.children().stream().filter(child -> !child.isMore()).forEach(this::forget);
    }

    private void stopWatching() {
        ZNodeWatcher previous = watcher;
        watcher = null;
        liveStatus.set("");
        if (previous != null) {
            tasks.run("Stopping live updates", () -> {
                previous.close();
                return null;
            }, ignored -> { }, reason -> { });
        }
    }

    private void fail(String reason) {
        problem.set(reason);
    }

    static String normalize(String path) {
        String p = path == null ? "" : path.strip();
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    static boolean isUnder(String path, String top) {
        return path.equals(top) || top.equals("/") || path.startsWith(top + "/");
    }

    private static String childOnTheWay(String from, String target) {
        int start = from.equals("/") ? 1 : from.length() + 1;
        int slash = target.indexOf('/', start);
        return slash < 0 ? target : target.substring(0, slash);
    }

    // ---- state for the view ----

    /** The tree's top row, or null before the first load. */
    public ReadOnlyObjectProperty<ZNodeEntry> top() {
        return top.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ZNodeEntry> selected() {
        return selected.getReadOnlyProperty();
    }

    /** The row a jump asked to show: the view selects it and scrolls to it. */
    public ReadOnlyObjectProperty<ZNodeEntry> revealed() {
        return revealed.getReadOnlyProperty();
    }

    /** The profile's Tessera root, e.g. /tessera; empty before it is known. */
    public ReadOnlyStringProperty tesseraRoot() {
        return tesseraRoot.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    /** "live" once the watcher has loaded the subtree and changes under the top path arrive by themselves. */
    public ReadOnlyStringProperty liveStatus() {
        return liveStatus.getReadOnlyProperty();
    }

    /** The row of a path, if it is loaded. */
    public ZNodeEntry entry(String path) {
        return byPath.get(path);
    }
}
