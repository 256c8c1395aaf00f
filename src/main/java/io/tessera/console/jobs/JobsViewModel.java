package io.tessera.console.jobs;

import io.tessera.console.connection.Writes;
import io.tessera.console.connection.ConnectionSource;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.UiThread;
import io.tessera.console.connection.ActiveConnection;
import io.tessera.console.workers.ConsoleWorkerPool;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.JobId;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Jobs panel: the jobs table (newest first, read again every second while the panel shows, with one
 * index read and one pipeline of hash reads), actions on the selected job, its detail, the "New job" form
 * and the console's worker pool.
 */
public final class JobsViewModel {
    static final Duration REFRESH = Duration.ofSeconds(1);
    static final int LIMIT = 200;

    private final ActiveConnection connection;
    private final ConnectionSource<JobsBackend> source;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final ConsoleWorkerPool pool;
    private final JobDetailViewModel detail;
    private final LauncherViewModel launcher;
    private final ObservableList<JobRow> rows = FXCollections.observableArrayList();
    private final ObservableList<JobRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<JobRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<JobStatus> selectedStatus = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private final ChangeListener<JobStatus> followSelected = (obs, old, now) -> selectedStatus.set(now);
    private boolean shown;
    private boolean listing;
    private long lastListed;
    private int generation;
    private String selectWhenListed;

    public JobsViewModel(ActiveConnection connection, BackgroundTasks tasks, UiThread ui, ConsoleWorkerPool pool, Supplier<String> hdfsSelection) {
        this(connection, JobsBackend.of(connection, DispatchKeys.DEFAULT), tasks, ui, pool, hdfsSelection, Clock.systemDefaultZone());
    }

    JobsViewModel(ActiveConnection connection, ConnectionSource<JobsBackend> source, BackgroundTasks tasks, UiThread ui, ConsoleWorkerPool pool,
                  Supplier<String> hdfsSelection, Clock clock) {
        this.connection = connection;
        this.source = source;
        this.tasks = tasks;
        this.clock = clock;
        this.pool = pool;
        this.detail = new JobDetailViewModel(source, tasks);
        this.launcher = new LauncherViewModel(source, tasks, hdfsSelection, this::measuredThroughput, clock);
        launcher.onStarted(id -> {
            selectWhenListed = id;
            refresh();
        });
        selected.addListener((obs, old, now) -> {
            if (old != null) {
                old.statusProperty().removeListener(followSelected);
            }
            if (now != null) {
                now.statusProperty().addListener(followSelected);
            }
            selectedStatus.set(now == null ? null : now.status());
        });
        selectedStatus.addListener((obs, old, now) -> detail.show(now));
        connection.targetProperty().addListener((obs, old, now) -> reconnect(now));
        subtitle.set(describe(connection.targetProperty().get()));
        ui.onPulse(this::tick);
    }

    /** The panel became visible (or hidden): the table is read every second only while it shows. */
    public void setShown(boolean visible) {
        shown = visible;
        if (visible) {
            refresh();
        }
    }

    private void tick() {
        if (shown && System.nanoTime() - lastListed >= REFRESH.toNanos()) {
            refresh();
        }
        if (shown) {
            detail.reloadIfBehind();
        }
    }

    /** Reads the job list now (unless a read is under way). */
    public void refresh() {
        if (listing || connection.targetProperty().get() == null) {
            return;
        }
        listing = true;
        lastListed = System.nanoTime();
        int turn = generation;
        tasks.runQuietly(() -> source.get().queries().newest(LIMIT), jobs -> {
            listing = false;
            if (turn == generation) {
                apply(jobs);
            }
        }, reason -> {
            listing = false;
            if (turn == generation) {
                message.set("Could not list the jobs: " + reason);
            }
        });
    }

    /** Updates rows in place (the table keeps its selection), adds new jobs at the top, drops vanished ones. */
    private void apply(List<JobStatus> jobs) {
        long nanos = System.nanoTime();
        java.time.Instant now = clock.instant();
        Map<String, JobRow> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.id(), row));
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (int i = 0; i < jobs.size(); i++) {
            JobStatus status = jobs.get(i);
            listed.add(status.job());
            JobRow row = byId.get(status.job());
            if (row == null) {
                rows.add(Math.min(i, rows.size()), new JobRow(status, nanos, now));
            } else {
                row.update(status, nanos, now);
            }
        }
        rows.removeIf(row -> !listed.contains(row.id()));
        if (selectWhenListed != null) {
            rows.stream().filter(r -> r.id().equals(selectWhenListed)).findFirst().ifPresent(row -> {
                selected.set(row);
                selectWhenListed = null;
            });
        }
        if (message.get().startsWith("Could not list")) {
            message.set("");
        }
    }

    /** Images per second of the most recent finished jobs that ran (up to 3), or NaN when none did. */
    double measuredThroughput() {
        long images = 0;
        double seconds = 0;
        int counted = 0;
        for (JobRow row : rows) {
            JobStatus s = row.status();
            long processed = RateMeter.processed(s);
            if (s.started() != null && s.finished() != null && processed > 0 && counted < 3) {
                images += processed;
                seconds += Math.max(1, Duration.between(s.started(), s.finished()).toMillis()) / 1000.0;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : images / seconds;
    }

    public void cancel() {
        act("Cancelling", (backend, id) -> backend.actions().cancel(id) ? "Cancelled " + id : id + " was already over");
    }

    public void pause() {
        act("Pausing", (backend, id) -> backend.actions().pause(id) ? "Paused " + id + ": workers hold its tasks" : id + " could not be paused");
    }

    public void resume() {
        act("Resuming", (backend, id) -> backend.actions().resume(id) ? "Resumed " + id : id + " was not paused");
    }

    public void requeueDeadLetters() {
        act("Requeueing dead letters of", (backend, id) -> {
            int n = backend.actions().requeueDeadLetters(id);
            return "Requeued " + n + (n == 1 ? " dead task of " : " dead tasks of ") + id;
        });
    }

    /** A new job over the selected job's failed images; the table selects it. */
    public void retryFailed() {
        act("Retrying the failed images of", (backend, id) -> {
            var job = backend.actions().retryFailed(id);
            selectWhenListed = job.id();
            return "Started " + job.id() + " over the " + job.images() + " failed images of " + id;
        });
    }

    private interface Action {
        String run(JobsBackend backend, JobId job) throws Exception;
    }

    private void act(String verb, Action action) {
        JobRow row = selected.get();
        if (row == null) {
            return;
        }
        String id = row.id();
        tasks.run(verb + " " + id, () -> action.run(source.get(), JobId.of(id)), done -> {
            message.set(done);
            refresh();
            detail.reload();
        }, reason -> message.set(verb + " " + id + " failed: " + reason));
    }

    private BooleanBinding selectedIs(JobState... states) {
        return Bindings.createBooleanBinding(() -> selectedStatus.get() != null && List.of(states).contains(selectedStatus.get().state()), selectedStatus);
    }

    public BooleanBinding canCancel() {
        return selectedIs(JobState.QUEUED, JobState.RUNNING, JobState.PAUSED);
    }

    public BooleanBinding canPause() {
        return selectedIs(JobState.QUEUED, JobState.RUNNING);
    }

    public BooleanBinding canResume() {
        return selectedIs(JobState.PAUSED);
    }

    /** Once the job is over and some images failed. */
    public BooleanBinding canRetryFailed() {
        return Bindings.createBooleanBinding(() -> {
            JobStatus s = selectedStatus.get();
            return s != null && s.counts().failed() > 0 && (s.state() == JobState.FINISHED || s.state() == JobState.CANCELLED);
        }, selectedStatus);
    }

    public BooleanBinding canRequeueDeadLetters() {
        return Bindings.createBooleanBinding(() -> selectedStatus.get() != null && selectedStatus.get().counts().dead() > 0, selectedStatus);
    }

    private void reconnect(ConnectionTarget target) {
        generation++;
        listing = false;
        rows.clear();
        selected.set(null);
        subtitle.set(describe(target));
        if (shown) {
            refresh();
        }
    }

    private static String describe(ConnectionTarget target) {
        return target == null ? "Not connected: the profile's cluster is not up yet" : "Profile " + target.profileName() + " · jobs on its Redis"
                + (target.readOnly() ? " · read-only" : "");
    }

    public ObservableList<JobRow> rows() {
        return rowsView;
    }

    /** The table's selection (the view sets it; the model sets it to a job it just started). */
    public ObjectProperty<JobRow> selected() {
        return selected;
    }

    public ReadOnlyObjectProperty<JobStatus> selectedStatus() {
        return selectedStatus.getReadOnlyProperty();
    }

    /** The outcome of the last action, or why it failed. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /** Whether the active profile allows launching and changing jobs. */
    public Writes writes() {
        return connection.writes();
    }

    public ReadOnlyStringProperty subtitle() {
        return subtitle.getReadOnlyProperty();
    }

    public JobDetailViewModel detail() {
        return detail;
    }

    public LauncherViewModel launcher() {
        return launcher;
    }

    public ConsoleWorkerPool pool() {
        return pool;
    }
}
