package io.tessera.console.connection;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectException;
import io.tessera.engine.connect.ConnectionTarget;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The engine connection of the active profile, for panels. The session says which target is current;
 * the {@link ClusterConnection} is made on first use, by a panel's background work, and closed in the
 * background when the target changes (profile switch) or goes (app exit).
 */
public final class ActiveConnection {
    private final BackgroundTasks tasks;
    private final ReadOnlyObjectWrapper<ConnectionTarget> target = new ReadOnlyObjectWrapper<>();
    private ConnectionTarget current;
    private ClusterConnection open;
    private final List<Consumer<ClusterConnection>> beforeClose = new CopyOnWriteArrayList<>();

    public ActiveConnection(BackgroundTasks tasks) {
        this.tasks = tasks;
    }

    /** On the UI thread: the target panels work with from now on, or null when there is none. */
    public void use(ConnectionTarget next) {
        use(next, () -> { });
    }

    /**
     * Off the UI thread, just before a replaced connection is closed: users that must finish with it first (the
     * console's worker pool drains there) block in the hook. Hooks are added once, at wiring time.
     */
    public void beforeClose(Consumer<ClusterConnection> hook) {
        beforeClose.add(hook);
    }

    /** On the UI thread: no target any more; {@code closed} runs on the UI thread once the old connection is closed. */
    public void release(Runnable closed) {
        use(null, closed);
    }

    private void use(ConnectionTarget next, Runnable closed) {
        if (next == target.get()) {
            closed.run();
            return;
        }
        ClusterConnection previous;
        synchronized (this) {
            current = next;
            previous = open;
            open = null;
        }
        target.set(next);
        if (previous == null) {
            closed.run();
            return;
        }
        tasks.run("Closing the connection to " + previous.target().profileName(), () -> {
            drainAndClose(previous);
            return null;
        }, ignored -> closed.run(), reason -> closed.run());
    }

    /** Off the UI thread, as the JVM ends: no target any more; the users finish and the open connection closes here. */
    public void closeNow() {
        ClusterConnection previous;
        synchronized (this) {
            current = null;
            previous = open;
            open = null;
        }
        if (previous != null) {
            drainAndClose(previous);
        }
    }

    /** Off the UI thread: the users that must finish with a connection first (the worker pool drains), then it closes. */
    private void drainAndClose(ClusterConnection previous) {
        try {
            beforeClose.forEach(hook -> hook.accept(previous));
        } finally {
            previous.close();
        }
    }

    /** Off the UI thread: the connection to the current target, made on first use. */
    public synchronized ClusterConnection get() throws ConnectException {
        if (current == null) {
            throw new ConnectException("not connected: the active profile has no running cluster (yet)");
        }
        if (open == null) {
            open = new ClusterConnection(current);
        }
        return open;
    }

    /** The current target; panels reset when it changes. */
    public ReadOnlyObjectProperty<ConnectionTarget> targetProperty() {
        return target.getReadOnlyProperty();
    }
}
