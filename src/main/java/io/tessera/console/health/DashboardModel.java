package io.tessera.console.health;

import io.tessera.console.connection.ConnectionSource;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.services.ClusterServices;
import io.tessera.engine.worker.JobQueries;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.UiThread;
import io.tessera.console.connection.Session;
import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.engine.health.Alert;
import io.tessera.engine.health.AlertRules;
import io.tessera.engine.health.FigureHistory;
import io.tessera.engine.health.Thresholds;
import io.tessera.engine.membership.WorkerInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The operations dashboard's state for the whole console, kept whether or not the Health panel shows (the status bar's
 * alert badge needs it): the services' health from the {@link io.tessera.console.connection.HealthFeed}, the registered
 * workers read every {@link #WORKERS_EVERY_PULSES} pulses off the UI thread, the alerts both raise, and the last
 * {@link #HISTORY} of the charted figures, sampled with each worker read.
 */
public final class DashboardModel {
    static final Duration HISTORY = Duration.ofMinutes(15);
    /** 50 pulses of ~100 ms: the workers publish their figures every 2 s, the services are probed every 5 s. */
    static final int WORKERS_EVERY_PULSES = 50;

    private final Session session;
    private final ConnectionSource<ClusterServices> backend;
    private final BackgroundTasks tasks;
    private final AlertRules rules = new AlertRules(Thresholds.DEFAULT);
    private final FigureHistory history = new FigureHistory(HISTORY);
    private final ObservableList<WorkerRow> workers = FXCollections.observableArrayList();
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper workersNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper historyRevision = new ReadOnlyIntegerWrapper();
    private List<WorkerInfo> lastWorkers;
    private long lastWaiting = -1;
    private ClusterServices queriesOf;
    private JobQueries queries;
    private Map<String, Long> lastTotals = Map.of();
    private Instant lastTotalsAt;
    private boolean reading;
    private int pulses;

    public DashboardModel(Session session, ConnectionSource<ClusterServices> backend, BackgroundTasks tasks, UiThread ui) {
        this.session = session;
        this.backend = backend;
        this.tasks = tasks;
        for (ServiceKind kind : ServiceKind.values()) {
            session.health().healthProperty(kind).addListener((obs, old, now) -> evaluate());
        }
        session.phaseProperty().addListener((obs, old, now) -> {
            if (now != Session.Phase.CONNECTED) {
                forgetWorkers(""); // another cluster, or none: its workers and rates no longer apply
            }
            evaluate();
        });
        ui.onPulse(() -> {
            if (++pulses % WORKERS_EVERY_PULSES == 1) {
                readWorkers();
            }
        });
    }

    /** Reads the registered workers now (also every few seconds by itself while connected). */
    public void readWorkers() {
        if (reading || session.phaseProperty().get() != Session.Phase.CONNECTED) {
            return;
        }
        ServiceHealth zooKeeper = session.health().healthProperty(ServiceKind.ZOOKEEPER).get();
        if (zooKeeper.state() != ServiceHealth.State.UP && zooKeeper.state() != ServiceHealth.State.DEGRADED) {
            // the list lives in ZooKeeper: reading it now would only wait for the client's retries to give up
            forgetWorkers(zooKeeper.state() == ServiceHealth.State.DOWN ? "Workers not read: ZooKeeper is down." : "");
            sampleServices(Instant.now());
            return;
        }
        reading = true;
        tasks.runQuietly(this::readFleet, read -> {
            reading = false;
            lastWaiting = read.waitingTasks();
            showWorkers(read.workers());
        }, reason -> {
            reading = false;
            forgetWorkers("Workers not read: " + reason);
            evaluate();
        });
    }

    /** The workers, and the tasks waiting for one (-1 when the queue cannot be read: Redis down says so already). */
    private record FleetRead(List<WorkerInfo> workers, long waitingTasks) {}

    /** Off the UI thread. */
    private FleetRead readFleet() throws Exception {
        ClusterServices services = backend.get();
        List<WorkerInfo> read = services.workers().workers();
        long waiting = -1;
        try {
            waiting = queries(services).depth().waiting();
        } catch (RuntimeException unread) {
            // the workers are still worth showing
        }
        return new FleetRead(read, waiting);
    }

    /** One reader of the queue per connection, made on first use (off the UI thread). */
    private synchronized JobQueries queries(ClusterServices services) {
        if (queriesOf != services) {
            queries = services.jobQueries(DispatchKeys.DEFAULT, DispatchSettings.defaults());
            queriesOf = services;
        }
        return queries;
    }

    private void showWorkers(List<WorkerInfo> read) {
        Instant now = Instant.now();
        Double rate = imagesPerSecond(read, now);
        lastWorkers = read;
        workers.setAll(read.stream().map(w -> WorkerRow.of(w, now, Thresholds.DEFAULT.workerSilence())).toList());
        workersNote.set(read.isEmpty() ? "No worker is registered: jobs wait until one starts (`tessera worker`, or the console's own)." : "");
        history.add(now, ChartedFigures.of(currentHealth(), rate));
        historyRevision.set(historyRevision.get() + 1);
        evaluate();
    }

    /** The services' figures alone, while the workers cannot be read: the charts go on. */
    private void sampleServices(Instant now) {
        history.add(now, ChartedFigures.of(currentHealth(), null));
        historyRevision.set(historyRevision.get() + 1);
        evaluate();
    }

    /** Images settled per second across the workers seen in both this read and the previous one (null on the first). */
    private Double imagesPerSecond(List<WorkerInfo> read, Instant now) {
        Map<String, Long> totals = new HashMap<>();
        for (WorkerInfo worker : read) {
            if (worker.figures() != null) {
                totals.put(worker.id(), worker.figures().imagesDone() + worker.figures().imagesFailed());
            }
        }
        Double rate = null;
        if (lastTotalsAt != null) {
            double seconds = Duration.between(lastTotalsAt, now).toMillis() / 1000.0;
            long settled = 0;
            for (var entry : totals.entrySet()) {
                Long before = lastTotals.get(entry.getKey());
                if (before != null) {
                    settled += Math.max(0, entry.getValue() - before);
                }
            }
            rate = seconds <= 0 ? 0 : settled / seconds;
        }
        lastTotals = totals;
        lastTotalsAt = now;
        return rate;
    }

    private void forgetWorkers(String note) {
        lastWorkers = null;
        lastWaiting = -1;
        lastTotals = Map.of();
        lastTotalsAt = null;
        workers.clear();
        workersNote.set(note);
    }

    private Map<ServiceKind, ServiceHealth> currentHealth() {
        Map<ServiceKind, ServiceHealth> health = new EnumMap<>(ServiceKind.class);
        for (ServiceKind kind : ServiceKind.values()) {
            health.put(kind, session.health().healthProperty(kind).get());
        }
        return health;
    }

    private void evaluate() {
        if (session.phaseProperty().get() != Session.Phase.CONNECTED) {
            alerts.clear(); // the connection's own problem is shown as such
            return;
        }
        List<Alert> now = rules.evaluate(currentHealth(), lastWorkers, lastWaiting, Instant.now());
        if (!now.equals(alerts)) {
            alerts.setAll(now);
        }
    }

    /** Asks a worker to drain (finish what it holds, then leave). */
    public void drain(String workerId) {
        ask(workerId, "drain", () -> backend.get().workerActions().drain(workerId));
    }

    /** Asks a worker to stop now (its tasks go back to the others). */
    public void stop(String workerId) {
        ask(workerId, "stop", () -> backend.get().workerActions().stop(workerId));
    }

    private interface Request {
        void send() throws Exception;
    }

    private void ask(String workerId, String verb, Request request) {
        tasks.run("Asking worker " + workerId + " to " + verb, () -> {
            request.send();
            return workerId;
        }, id -> {
            notice.set("Asked worker " + id + " to " + verb + "; it leaves the list once it has.");
            readWorkers();
        }, reason -> notice.set("Could not ask worker " + workerId + " to " + verb + ": " + reason));
    }

    public ObservableList<WorkerRow> workers() {
        return workers;
    }

    public ObservableList<Alert> alerts() {
        return alerts;
    }

    /** Why the worker list is empty or stale, or empty. */
    public ReadOnlyStringProperty workersNote() {
        return workersNote.getReadOnlyProperty();
    }

    /** The outcome of the last worker action. */
    public ReadOnlyStringProperty notice() {
        return notice.getReadOnlyProperty();
    }

    public FigureHistory history() {
        return history;
    }

    /** Goes up by one with each sample added to the history: charts redraw then. */
    public ReadOnlyIntegerProperty historyRevision() {
        return historyRevision.getReadOnlyProperty();
    }
}
