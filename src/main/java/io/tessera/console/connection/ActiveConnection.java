package io.tessera.console.connection;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.engine.audit.AuditOrigin;
import io.tessera.engine.audit.AuditTrail;
import io.tessera.engine.connect.ConnectException;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.services.ClusterServices;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The engine of the active profile, for panels. The session says which target is current; its
 * {@link ClusterServices} (one connection, the action services, actions recorded as {@code console}) are made on
 * first use, by a panel's background work, and closed in the background when the target changes (profile switch)
 * or goes (app exit).
 */
public final class ActiveConnection {
    private static final AuditOrigin ORIGIN = AuditOrigin.of("console");
    private final BackgroundTasks tasks;
    private final ReadOnlyObjectWrapper<ConnectionTarget> target = new ReadOnlyObjectWrapper<>();
    private ConnectionTarget current;
    private ClusterServices open;
    private final List<Consumer<ClusterServices>> beforeClose = new CopyOnWriteArrayList<>();
    private final Writes writes = new Writes(target.getReadOnlyProperty());

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
    public void beforeClose(Consumer<ClusterServices> hook) {
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
        ClusterServices previous;
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
        ClusterServices previous;
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
    private void drainAndClose(ClusterServices previous) {
        try {
            beforeClose.forEach(hook -> hook.accept(previous));
        } finally {
            previous.close();
        }
    }

    /** Off the UI thread: the services of the current target, made on first use. */
    public synchronized ClusterServices get() throws ConnectException {
        if (current == null) {
            throw new ConnectException("not connected: the active profile has no running cluster (yet)");
        }
        if (open == null) {
            open = ClusterServices.open(current, ORIGIN);
        }
        return open;
    }

    /**
     * The audit trail of whichever connection is open when an action is recorded (profile changes, which need no
     * connection of their own); nothing is kept while none is open.
     */
    public AuditTrail trail() {
        return event -> {
            ClusterServices services;
            synchronized (this) {
                services = open;
            }
            if (services != null) {
                services.trail().record(event);
            }
        };
    }

    /** Whether the current target's profile allows writes: the panels' write controls follow it. */
    public Writes writes() {
        return writes;
    }

    /** The current target; panels reset when it changes. */
    public ReadOnlyObjectProperty<ConnectionTarget> targetProperty() {
        return target.getReadOnlyProperty();
    }
}
