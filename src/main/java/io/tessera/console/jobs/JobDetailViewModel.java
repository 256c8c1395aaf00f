package io.tessera.console.jobs;

import io.tessera.console.connection.ConnectionSource;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.Formats;
import io.tessera.engine.dispatch.DeadLetter;
import io.tessera.engine.dispatch.ImageOutcome;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.shard.ShardRecord;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected job in detail: its counters (from the table's status), and, loaded in the background, its
 * shards from ZooKeeper, its failed images with their reasons and its dead letters with their last error.
 * Those are read again when the job changes, when its state changes, and at most every 5 s while its tasks settle,
 * images fail or tasks die.
 */
public final class JobDetailViewModel {
    static final int ERROR_LIMIT = 500;
    private static final long RELOAD_EVERY_NANOS = 5_000_000_000L;

    /** One shard as the detail lists it: its images, those finished so far (done, failed), and the worker holding it. */
    public record ShardLine(int index, String state, int images, int done, int failed, String owner) {}

    /** A counter and its value, e.g. "failed" and "3". */
    public record Counter(String name, String value) {}

    private final ConnectionSource<JobsBackend> source;
    private final BackgroundTasks tasks;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No job selected");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ObservableList<Counter> counters = FXCollections.observableArrayList();
    private final ObservableList<Counter> countersView = FXCollections.unmodifiableObservableList(counters);
    private final ObservableList<ShardLine> shards = FXCollections.observableArrayList();
    private final ObservableList<ShardLine> shardsView = FXCollections.unmodifiableObservableList(shards);
    private final ObservableList<String> errors = FXCollections.observableArrayList();
    private final ObservableList<String> errorsView = FXCollections.unmodifiableObservableList(errors);
    private final ObservableList<String> deadLetters = FXCollections.observableArrayList();
    private final ObservableList<String> deadLettersView = FXCollections.unmodifiableObservableList(deadLetters);
    private JobStatus shown;
    private int generation;
    private long lastLoad = System.nanoTime() - RELOAD_EVERY_NANOS;
    /** The counts moved since the details were last read. */
    private boolean behind;

    JobDetailViewModel(ConnectionSource<JobsBackend> source, BackgroundTasks tasks) {
        this.source = source;
        this.tasks = tasks;
    }

    /** On the UI thread: the selected job's latest status, or null for none. */
    void show(JobStatus status) {
        JobStatus previous = shown;
        shown = status;
        if (status == null) {
            generation++;
            title.set("No job selected");
            note.set("");
            counters.clear();
            shards.clear();
            errors.clear();
            deadLetters.clear();
            return;
        }
        title.set(status.job());
        counters.setAll(counters(status));
        boolean otherJob = previous == null || !previous.job().equals(status.job());
        boolean countsMoved = !otherJob && (previous.counts().failed() != status.counts().failed()
                || previous.counts().dead() != status.counts().dead() || previous.counts().tasksDone() != status.counts().tasksDone());
        // while a job runs (its shards move on, images fail), read its details again at most every few seconds; a change
        // within that time is read when the time is up (reloadIfBehind), not forgotten
        if (otherJob || previous.state() != status.state() || countsMoved && System.nanoTime() - lastLoad >= RELOAD_EVERY_NANOS) {
            load(status.job(), otherJob);
        } else if (countsMoved) {
            behind = true;
        }
    }

    /** On the UI pulse: details that changed since they were read are read again once the few seconds are up. */
    void reloadIfBehind() {
        if (behind && shown != null && System.nanoTime() - lastLoad >= RELOAD_EVERY_NANOS) {
            load(shown.job(), false);
        }
    }

    /** Reads shards, errors and dead letters again (after an action). */
    void reload() {
        if (shown != null) {
            load(shown.job(), false);
        }
    }

    private void load(String job, boolean fresh) {
        int turn = ++generation;
        behind = false;
        lastLoad = System.nanoTime();
        if (fresh) {
            shards.clear();
            errors.clear();
            deadLetters.clear();
            note.set("Loading shards and errors…");
        }
        tasks.run("Reading job " + job, () -> source.get().queries().detail(job, ERROR_LIMIT), detail -> {
            if (turn != generation) {
                return;
            }
            shards.setAll(detail.shards().stream().map(JobDetailViewModel::line).toList());
            errors.setAll(detail.failures().stream().map(JobDetailViewModel::error).toList());
            deadLetters.setAll(detail.deadLetters().stream().map(JobDetailViewModel::dead).toList());
            note.set(detail.failureCount() > detail.failures().size()
                    ? "The first " + Formats.number(detail.failures().size()) + " of " + Formats.number(detail.failureCount()) + " errors are listed" : "");
        }, reason -> {
            if (turn == generation) {
                note.set("Could not read the job's details: " + reason);
            }
        });
    }

    private static List<Counter> counters(JobStatus s) {
        JobCounts c = s.counts();
        return List.of(new Counter("state", s.state().name().toLowerCase(Locale.ROOT)),
                new Counter("images", Formats.number(c.images())),
                // per image, tasks still running included; done and failed move when a task settles
                new Counter("finished", Formats.number(s.processed())), new Counter("done", Formats.number(c.done())),
                new Counter("failed", Formats.number(c.failed())),
                new Counter("tasks", Formats.number(c.tasksDone()) + " / " + Formats.number(c.tasks()) + " done"),
                new Counter("retried", Formats.number(c.retried())), new Counter("dead", Formats.number(c.dead())),
                new Counter("cancelled", Formats.number(c.cancelled())));
    }

    private static ShardLine line(ShardRecord shard) {
        return new ShardLine(shard.index(), shard.state().name().toLowerCase(Locale.ROOT), shard.images(), shard.done(), shard.failed(),
                shard.owner() == null ? "" : shard.owner());
    }

    private static String error(ImageOutcome.Failed failed) {
        return failed.input() + ": " + failed.reason();
    }

    private static String dead(DeadLetter letter) {
        return "task " + letter.task().id() + " (" + letter.task().images().size() + " images, attempt " + letter.task().attempt() + "): "
                + letter.error();
    }

    public ReadOnlyStringProperty title() {
        return title.getReadOnlyProperty();
    }

    /** Loading, a failure to read, or that the list is cut. */
    public ReadOnlyStringProperty note() {
        return note.getReadOnlyProperty();
    }

    public ObservableList<Counter> counters() {
        return countersView;
    }

    public ObservableList<ShardLine> shards() {
        return shardsView;
    }

    /** "<image path>: <reason>" per failed image. */
    public ObservableList<String> errors() {
        return errorsView;
    }

    public ObservableList<String> deadLetters() {
        return deadLettersView;
    }
}
