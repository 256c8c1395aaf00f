package io.tessera.console.connection;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.Coalescer;
import io.tessera.console.common.UiThread;
import io.tessera.engine.ServiceKind;
import io.tessera.engine.cluster.EmbeddedCluster;
import io.tessera.engine.cluster.LocalClusterSettings;
import io.tessera.engine.cluster.StartupListener;
import io.tessera.engine.connect.ConnectException;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.ProfileResolver;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The embedded cluster as the console sees it: started and stopped on background threads, with each
 * service's progress coalesced onto the UI thread. Start and stop take turns on one lock, so a stop
 * asked for during a start waits for it and then stops what came up.
 */
public final class LocalCluster {
    public enum State { STOPPED, STARTING, RUNNING, FAILED, STOPPING }

    private final LocalClusterSettings settings;
    private final BackgroundTasks tasks;
    private final Object lifecycle = new Object();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.STOPPED);
    private final Map<ServiceKind, ReadOnlyObjectWrapper<StartupStep>> steps = new EnumMap<>(ServiceKind.class);
    private final Coalescer<ServiceKind, StartupStep> stepFeed;
    private EmbeddedCluster cluster;
    private ConnectionTarget target;
    private volatile long phaseStarted;

    public LocalCluster(LocalClusterSettings settings, BackgroundTasks tasks, UiThread ui) {
        this.settings = settings;
        this.tasks = tasks;
        for (ServiceKind kind : ServiceKind.values()) {
            steps.put(kind, new ReadOnlyObjectWrapper<>(StartupStep.waiting(kind)));
        }
        this.stepFeed = new Coalescer<>(ui, (kind, step) -> steps.get(kind).set(step));
    }

    /** Starts the cluster unless it runs or is starting; the callbacks run on the UI thread. */
    public void start(Consumer<ConnectionTarget> onUp, Consumer<String> onFailed) {
        if (state.get() == State.STARTING || state.get() == State.RUNNING) {
            return;
        }
        state.set(State.STARTING);
        steps.values().forEach(step -> step.set(StartupStep.waiting(step.get().service())));
        phaseStarted = System.nanoTime();
        tasks.run("Starting the local cluster", this::startBlocking, started -> {
            target = started;
            if (state.get() == State.STARTING) {
                state.set(State.RUNNING);
            }
            onUp.accept(started);
        }, reason -> {
            if (state.get() == State.STARTING) {
                state.set(State.FAILED);
            }
            onFailed.accept(reason);
        });
    }

    /** Stops the cluster if anything of it runs; {@code done} runs on the UI thread either way. */
    public void stop(Runnable done) {
        if (state.get() == State.STOPPED || state.get() == State.FAILED) {
            done.run();
            return;
        }
        state.set(State.STOPPING);
        phaseStarted = System.nanoTime();
        tasks.run("Stopping the local cluster", this::stopBlocking, ignored -> finishStop(done), reason -> finishStop(done));
    }

    /** Off the UI thread, as the JVM ends: stops what runs, here and now (after a start in progress). */
    public void stopNow() {
        stopBlocking();
    }

    private void finishStop(Runnable done) {
        target = null;
        state.set(State.STOPPED);
        done.run();
    }

    private ConnectionTarget startBlocking() throws Exception {
        synchronized (lifecycle) {
            cluster = EmbeddedCluster.start(settings, this::onPhase);
            try {
                return ProfileResolver.forEmbedded(cluster);
            } catch (ConnectException e) {
                cluster.close();
                cluster = null;
                throw e;
            }
        }
    }

    private Void stopBlocking() {
        synchronized (lifecycle) {
            if (cluster != null) {
                cluster.close();
                cluster = null;
            }
            return null;
        }
    }

    private void onPhase(ServiceKind service, StartupListener.Phase phase, String detail) {
        stepFeed.offer(service, new StartupStep(service, phase, detail, (System.nanoTime() - phaseStarted) / 1_000_000));
    }

    /** The running cluster's target, or null. */
    public ConnectionTarget target() {
        return state.get() == State.RUNNING ? target : null;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StartupStep> stepProperty(ServiceKind service) {
        return steps.get(service).getReadOnlyProperty();
    }
}
