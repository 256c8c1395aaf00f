package io.tessera.console.connection;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.ProfileResolver;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.engine.profile.ConnectionProfile;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The active profile and the connection to it. Activating a profile stops watching the old target,
 * resolves the new one in the background (starting the local cluster for Local) and watches it.
 * Switching away from Local leaves the local cluster running: it is cheap, and coming back is instant.
 */
public final class Session {
    public enum Phase { IDLE, STARTING_LOCAL, CONNECTING, CONNECTED, FAILED, STOPPING, STOPPED }

    private final ProfileResolver resolver;
    private final LocalCluster local;
    private final HealthFeed health;
    private final BackgroundTasks tasks;
    private final ActiveConnection connection;
    private final ReadOnlyObjectWrapper<ConnectionProfile> active = new ReadOnlyObjectWrapper<>(ConnectionProfile.local());
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private int generation;

    public Session(ProfileResolver resolver, LocalCluster local, HealthFeed health, BackgroundTasks tasks) {
        this.resolver = resolver;
        this.local = local;
        this.health = health;
        this.tasks = tasks;
        this.connection = new ActiveConnection(tasks);
    }

    public void activate(ConnectionProfile profile) {
        if (phase.get() == Phase.STOPPING || phase.get() == Phase.STOPPED) {
            return;
        }
        int turn = ++generation;
        active.set(profile);
        problem.set("");
        health.stop();
        connection.use(null);
        if (profile.isLocal()) {
            activateLocal(turn);
            return;
        }
        phase.set(Phase.CONNECTING);
        health.showAll(ServiceHealth.State.CONNECTING, "connecting to " + profile.name() + "…");
        tasks.run("Connecting to " + profile.name(), () -> resolver.resolve(profile),
                target -> whenCurrent(turn, () -> connect(target)), reason -> whenCurrent(turn, () -> fail(reason)));
    }

    private void activateLocal(int turn) {
        ConnectionTarget running = local.target();
        if (running != null) {
            connect(running);
            return;
        }
        phase.set(Phase.STARTING_LOCAL);
        health.showAll(ServiceHealth.State.CONNECTING, "local cluster starting…");
        local.start(target -> whenCurrent(turn, () -> connect(target)),
                reason -> whenCurrent(turn, () -> fail("The local cluster did not start: " + reason)));
    }

    /** Tries the active profile again, e.g. after the local cluster failed to start. */
    public void retry() {
        activate(active.get());
    }

    public void checkNow() {
        health.checkNow();
    }

    /** Stops watching and stops the local cluster; {@code done} runs on the UI thread once all is stopped. */
    public void shutdown(Runnable done) {
        if (phase.get() == Phase.STOPPING || phase.get() == Phase.STOPPED) {
            return;
        }
        generation++;
        phase.set(Phase.STOPPING);
        health.stop();
        // the connection's users (the console's worker pool drains) finish before the cluster under them stops
        connection.release(() -> local.stop(() -> {
            phase.set(Phase.STOPPED);
            done.run();
        }));
    }

    /**
     * Off the UI thread, as the JVM ends: the connection's users finish (the console's worker drains), the connection
     * closes and the local cluster stops, on the calling thread. Safe beside a {@link #shutdown} in progress.
     */
    public void stopNow() {
        connection.closeNow();
        local.stopNow();
    }

    private void whenCurrent(int turn, Runnable action) {
        if (turn == generation) {
            action.run();
        }
    }

    private void connect(ConnectionTarget target) {
        phase.set(Phase.CONNECTED);
        health.watch(target);
        connection.use(target);
    }

    private void fail(String reason) {
        phase.set(Phase.FAILED);
        problem.set(reason);
        health.showAll(ServiceHealth.State.DOWN, reason);
    }

    public ReadOnlyObjectProperty<ConnectionProfile> activeProfileProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public LocalCluster localCluster() {
        return local;
    }

    /** The engine connection of the active profile, for panels that work with the cluster. */
    public ActiveConnection connection() {
        return connection;
    }

    public HealthFeed health() {
        return health;
    }
}
