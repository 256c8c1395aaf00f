package io.tessera.console.connection;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectException;
import io.tessera.engine.connect.ConnectionTarget;
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

    public ActiveConnection(BackgroundTasks tasks) {
        this.tasks = tasks;
    }

    /** On the UI thread: the target panels work with from now on, or null when there is none. */
    public void use(ConnectionTarget next) {
        if (next == target.get()) {
            return;
        }
        ClusterConnection previous;
        synchronized (this) {
            current = next;
            previous = open;
            open = null;
        }
        target.set(next);
        if (previous != null) {
            tasks.run("Closing the connection to " + previous.target().profileName(), () -> {
                previous.close();
                return null;
            }, ignored -> { }, reason -> { });
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
