package io.tessera.console.workers;

import io.tessera.engine.services.ClusterServices;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.UiThread;
import io.tessera.console.connection.ActiveConnection;
import io.tessera.engine.Reasons;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.worker.Worker;
import io.tessera.engine.worker.WorkerOptions;
import io.tessera.engine.dispatch.TaskFaults;
import io.tessera.engine.membership.WorkerRequest;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.ProfileStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's own worker: a {@link Worker} with N image threads on the active profile's connection, so a
 * job launched from the console runs without a separate {@code tessera worker}. Can be switched off; the
 * setting is remembered. Starting and draining happen in order on one thread of its own (a drain waits for
 * the images at hand); the pool follows the connection, and a connection is closed only after the pool
 * drained from it (so on exit the pool stops before the local cluster does).
 *
 * <p>Its worker reads inputs up to the active profile's largest input size. When the worker meets an error that leaves
 * it unsound (out of memory: {@link io.tessera.engine.worker.FatalErrorPolicy}), it hands its tasks back and stops; the
 * pool starts a fresh one in its place, without taking the console down, and says so in its status. After
 * {@link #MAX_RESTARTS} such restarts within {@link #RESTART_WINDOW} it stays off until it is switched on again.
 */
public final class ConsoleWorkerPool {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleWorkerPool.class);
    static final int MAX_RESTARTS = 3;
    static final Duration RESTART_WINDOW = Duration.ofMinutes(10);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /** The options of a worker on {@code target} with {@code threads} image threads (blocking: read on the pool's thread). */
    @FunctionalInterface
    public interface OptionsFor {
        WorkerOptions of(ConnectionTarget target, int threads) throws IOException;
    }

    private final ActiveConnection active;
    private final UiThread ui;
    private final BackgroundTasks tasks;
    private final WorkerPoolSettings settings;
    private final OptionsFor options;
    private final ExecutorService lane = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("console-worker-pool").factory());
    private final ReadOnlyBooleanWrapper enabled;
    private final ReadOnlyIntegerWrapper threads;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Local worker: not connected");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    // what the UI asked for; the lane reconciles the worker with the latest wish
    private volatile boolean wantOn;
    private volatile int wantThreads;
    private volatile ConnectionTarget wantTarget;
    // touched on the lane only
    private volatile Worker worker;
    private ClusterServices workerConnection;
    private ConnectionTarget workerTarget;
    private int workerThreads;
    /** When fatal errors restarted the worker lately (on the lane), and what the last one was. */
    private final Deque<Instant> restarts = new ArrayDeque<>();
    private volatile String restartNote = "";
    /** Too many restarts: off until switched on again. */
    private volatile boolean suspended;
    /** A start in progress on the lane and its connection: a drain from that connection interrupts it (under the lock). */
    private final Object starting = new Object();
    private ClusterServices startingOn;
    private Thread startingThread;

    /** For tests: the options of every worker, whatever the profile says. */
    public ConsoleWorkerPool(ActiveConnection active, WorkerPoolSettings settings, UiThread ui, BackgroundTasks tasks,
                             IntFunction<WorkerOptions> options) {
        this(active, settings, ui, tasks, (OptionsFor) (target, threads) -> options.apply(threads));
    }

    /** Workers with this machine's defaults and the largest input size of the active profile in {@code profiles}. */
    public ConsoleWorkerPool(ActiveConnection active, WorkerPoolSettings settings, UiThread ui, BackgroundTasks tasks, ProfileStore profiles) {
        this(active, settings, ui, tasks, (OptionsFor) (target, threads) -> WorkerOptions.defaults(threads).withMaxInputBytes(
                profiles.find(target.profileName()).map(ConnectionProfile::limits).orElse(ConnectionProfile.Limits.DEFAULT).maxInputBytes()));
    }

    private ConsoleWorkerPool(ActiveConnection active, WorkerPoolSettings settings, UiThread ui, BackgroundTasks tasks, OptionsFor options) {
        this.active = active;
        this.ui = ui;
        this.tasks = tasks;
        this.settings = settings;
        this.options = options;
        this.enabled = new ReadOnlyBooleanWrapper(settings.enabled());
        this.threads = new ReadOnlyIntegerWrapper(settings.threads());
        this.wantOn = settings.enabled();
        this.wantThreads = settings.threads();
        this.wantTarget = active.targetProperty().get();
        active.targetProperty().addListener((obs, old, now) -> {
            wantTarget = now;
            reconcile();
        });
        active.beforeClose(this::drainFrom);
        reconcile();
    }

    /** On the UI thread: switch the pool on or off; remembered. */
    public void setEnabled(boolean on) {
        if (on != enabled.get()) {
            enabled.set(on);
            wantOn = on;
            suspended = false;
            restartNote = "";
            changed();
        }
    }

    /** On the UI thread: the image thread count (1–64); a running pool drains and starts again with it. Remembered. */
    public void setThreads(int count) {
        int clamped = WorkerPoolSettings.clamp(count);
        if (clamped != threads.get()) {
            threads.set(clamped);
            wantThreads = clamped;
            changed();
        }
    }

    private void changed() {
        settings.set(enabled.get(), threads.get());
        tasks.run("Saving the worker pool settings", () -> {
            settings.save();
            return null;
        }, ok -> { }, reason -> LOG.warn("The worker pool settings were not saved: {}", reason));
        reconcile();
    }

    private void reconcile() {
        lane.execute(this::reconcileNow);
    }

    /** On the lane: drain a worker that no longer matches the wish, start one when wished and there is none. */
    private void reconcileNow() {
        ConnectionTarget target = wantTarget;
        boolean readOnly = target != null && target.readOnly(); // a worker writes outputs: a read-only console runs none
        boolean on = wantOn && target != null && !suspended && !readOnly;
        int count = wantThreads;
        if (worker != null && (!on || count != workerThreads || target != workerTarget)) {
            stopWorker();
        }
        if (on && worker == null) {
            publish("Local worker: starting " + count + " threads…", false);
            try {
                ClusterServices connection = active.get();
                worker = startOn(connection, target, count);
                Worker started = worker;
                started.stoppedOnRequest().thenAccept(request -> stoppedOnRequest(started, request));
                workerConnection = connection;
                workerTarget = target;
                workerThreads = count;
            } catch (Exception | LinkageError e) {
                LOG.warn("The console's worker did not start: {}", e.toString());
                publish("Local worker: could not start: " + Reasons.oneLine(e), false);
                return;
            }
        }
        if (worker != null) {
            publish("Local worker: " + workerThreads + (workerThreads == 1 ? " thread" : " threads") + ", on" + restartNote, true);
        } else if (readOnly && wantOn) {
            publish("Local worker: off (read-only profile)", false);
        } else if (suspended && target != null && wantOn) {
            publish("Local worker: stopped" + restartNote + "; " + MAX_RESTARTS + " restarts within " + RESTART_WINDOW.toMinutes()
                    + " min, so it stays off until switched on again", false);
        } else {
            publish(target == null ? "Local worker: not connected" : "Local worker: off", false);
        }
    }

    /**
     * On the lane: a worker on this connection. Interruptible by {@link #drainFrom}: a cluster that does not answer
     * would otherwise hold the drain (a profile switch, quitting) for the whole registration timeout.
     */
    private Worker startOn(ClusterServices connection, ConnectionTarget target, int count) throws IOException {
        synchronized (starting) {
            startingOn = connection;
            startingThread = Thread.currentThread();
        }
        try {
            return connection.startWorker(options.of(target, count).withFatalErrorPolicy(this::stoppedByFatalError));
        } finally {
            synchronized (starting) {
                startingOn = null;
                startingThread = null;
                Thread.interrupted(); // a drain's interrupt ends here, never in the lane's next task
            }
        }
    }

    /** The worker's {@link io.tessera.engine.worker.FatalErrorPolicy}: it has handed its tasks back and stopped; start another. */
    private void stoppedByFatalError(Worker stopped, Throwable error) {
        LOG.error("The console's worker {} {}; starting a fresh one", stopped.id(), TaskFaults.whatHappened(error));
        reconcileAfter(stopped, error);
    }

    /**
     * An operator drained or stopped this worker from a dashboard: it has left. The pool stays off (for this session:
     * the saved setting is untouched) until switched on again, and says who asked.
     */
    private void stoppedOnRequest(Worker stopped, WorkerRequest request) {
        lane.execute(() -> {
            if (worker != stopped) {
                return;
            }
            worker = null;
            workerConnection = null;
            workerTarget = null;
            wantOn = false;
            String when = CLOCK.format(request.at().atZone(ZoneId.systemDefault()));
            publish("Local worker: " + (request.action() == WorkerRequest.Action.DRAIN ? "drained" : "stopped") + " at " + when
                    + " as " + request.by() + " asked; switch it on to start again", false);
            ui.execute(() -> enabled.set(false));
        });
    }

    private void reconcileAfter(Worker stopped, Throwable error) {
        lane.execute(() -> {
            if (worker != stopped) {
                return; // drained or replaced meanwhile
            }
            stopWorker();
            Instant now = Instant.now();
            restarts.addLast(now);
            while (restarts.getFirst().isBefore(now.minus(RESTART_WINDOW))) {
                restarts.removeFirst();
            }
            restartNote = " (restarted at " + CLOCK.format(now.atZone(ZoneId.systemDefault())) + " after it " + TaskFaults.whatHappened(error)
                    + "; its tasks went back to the queue)";
            suspended = restarts.size() > MAX_RESTARTS;
            reconcileNow();
        });
    }

    private void stopWorker() {
        publish("Local worker: draining…", false);
        try {
            worker.close();
        } catch (RuntimeException e) {
            LOG.warn("The console's worker did not drain cleanly: {}", e.toString());
        }
        worker = null;
        workerConnection = null;
        workerTarget = null;
    }

    /** Before a connection closes (off the UI thread): the worker on it drains first. */
    private void drainFrom(ClusterServices closing) {
        synchronized (starting) {
            if (startingOn == closing) {
                startingThread.interrupt(); // it is still trying to register on the connection going away
            }
        }
        await(() -> {
            if (worker != null && workerConnection == closing) {
                stopWorker();
                publish(wantTarget == null ? "Local worker: not connected" : "Local worker: off", false);
            }
        });
    }

    /** Blocking, off the UI thread: drains the worker and stops the pool's thread (tests, and after the window closed). */
    public void close() {
        wantOn = false;
        await(this::reconcileNow);
        lane.shutdown();
    }

    private void await(Runnable onLane) {
        try {
            lane.submit(onLane).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("The console's worker pool: {}", e.toString());
        }
    }

    private void publish(String text, boolean on) {
        ui.execute(() -> {
            status.set(text);
            running.set(on);
        });
    }

    /** The running worker's id (for tests and the jobs table's hint), or null. Off the UI thread is fine. */
    public String workerId() {
        Worker current = worker;
        return current == null ? null : current.id();
    }

    public ReadOnlyBooleanProperty enabledProperty() {
        return enabled.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty threadsProperty() {
        return threads.getReadOnlyProperty();
    }

    /**
     * "Local worker: 2 threads, on", "Local worker: off", "Local worker: draining…", why it could not start, and when it
     * was last restarted after a fatal error (or that it stays off after too many).
     */
    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** True while a worker is up and reading tasks. */
    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }
}
