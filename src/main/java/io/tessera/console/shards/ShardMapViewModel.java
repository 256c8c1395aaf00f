package io.tessera.console.shards;

import io.tessera.console.connection.ConnectionSource;
import io.tessera.engine.services.ClusterServices;
import io.tessera.engine.dispatch.JobId;
import io.tessera.console.common.Formats;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.Coalescer;
import io.tessera.console.common.UiThread;
import io.tessera.engine.shard.CommittedPlan;
import io.tessera.engine.shard.ImageFile;
import io.tessera.engine.shard.JobSpec;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardState;
import io.tessera.engine.zk.ZNodeEvent;
import io.tessera.engine.zk.ZNodeWatcher;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A committed job's shards as a map: one tile per shard, coloured by state, sized by bytes, grouped by
 * owner on demand, with counts per state. Shard nodes are watched; changes are parsed on the watcher's
 * thread, coalesced per shard and applied on the UI pulse, and then {@link #revision()} moves once per
 * pulse, so 5,000 shards changing cost one redraw, not 5,000.
 */
public final class ShardMapViewModel {
    private record Update(int generation, int index, ShardRecord shard) {}

    /** Pulses (100 ms) between two listings of the jobs while the panel shows: a new job appears within 5 s. */
    static final int JOB_LIST_PULSES = 50;

    private final ConnectionSource<ClusterServices> backend;
    private final BackgroundTasks tasks;
    private final Coalescer<Integer, Update> updates;
    private final ObservableList<String> jobs = FXCollections.observableArrayList();
    private final ObservableList<String> jobsView = FXCollections.unmodifiableObservableList(jobs);
    private final ReadOnlyStringWrapper job = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final Map<ShardState, ReadOnlyIntegerWrapper> counts = new EnumMap<>(ShardState.class);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper layoutRevision = new ReadOnlyIntegerWrapper();
    private final BooleanProperty groupByOwner = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<ShardRecord> selected = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> selectedImages = FXCollections.observableArrayList();
    private final ObservableList<String> selectedImagesView = FXCollections.unmodifiableObservableList(selectedImages);
    private final ReadOnlyStringWrapper imagesStatus = new ReadOnlyStringWrapper("");
    private final ObservableList<StatRows.Row> facts = FXCollections.observableArrayList();
    private final ObservableList<StatRows.Row> factsView = FXCollections.unmodifiableObservableList(facts);
    private ShardRecord[] shards = new ShardRecord[0];
    private boolean changed;
    private boolean ownersChanged;
    private ZNodeWatcher watcher;
    private int generation;
    // new jobs are noticed by listing again every JOB_LIST_PULSES while the panel shows (after a first listing)
    private boolean shown;
    private boolean listed;
    private boolean listing;
    private int pulses;

    public ShardMapViewModel(ConnectionSource<ClusterServices> backend, BackgroundTasks tasks, UiThread ui) {
        this.backend = backend;
        this.tasks = tasks;
        for (ShardState state : ShardState.values()) {
            counts.put(state, new ReadOnlyIntegerWrapper());
        }
        this.updates = new Coalescer<>(ui, (index, update) -> apply(update));
        ui.onPulse(this::publish); // after the coalescer's drain: one revision per pulse
        ui.onPulse(this::listJobsNow);
        groupByOwner.addListener((obs, old, now) -> layoutRevision.set(layoutRevision.get() + 1));
        selected.addListener((obs, old, now) -> facts.setAll(now == null ? java.util.List.of() : factsOf(now)));
    }

    private static java.util.List<StatRows.Row> factsOf(ShardRecord shard) {
        java.util.List<StatRows.Row> rows = new java.util.ArrayList<>(java.util.List.of(
                new StatRows.Row("State", shard.state().name()),
                new StatRows.Row("Owner", shard.owner() == null ? "none" : shard.owner()),
                new StatRows.Row("Attempts", Formats.number(shard.attempts())),
                new StatRows.Row("Images", Formats.number(shard.images())),
                new StatRows.Row("Bytes", Formats.exactSize(shard.bytes())),
                new StatRows.Row("Progress", Formats.number(shard.done()) + " done, " + Formats.number(shard.failed()) + " failed")));
        if (shard.error() != null) {
            rows.add(new StatRows.Row("Error", shard.error()));
        }
        if (shard.updated() != null) {
            rows.add(new StatRows.Row("Updated", Formats.ago(java.time.Duration.between(shard.updated(), java.time.Instant.now()))));
        }
        return rows;
    }

    /** The panel shows (or not): while it does, the job list is read again every few seconds, so new jobs appear. */
    public void setShown(boolean visible) {
        shown = visible;
    }

    private void listJobsNow() {
        if (shown && listed && !listing && ++pulses % JOB_LIST_PULSES == 0) {
            refreshJobs();
        }
    }

    /** Lists the committed jobs, newest first; selects the newest when none is shown yet. */
    public void refreshJobs() {
        int turn = generation;
        listed = true;
        listing = true;
        tasks.run("Listing jobs", () -> backend.get().plans().committedJobIdsByCommitTime(), ids -> {
            listing = false;
            if (turn != generation) {
                return;
            }
            List<String> newestFirst = ids.reversed();
            if (!jobs.equals(newestFirst)) {
                jobs.setAll(newestFirst); // only on a change: the picker keeps its state between listings
            }
            if (ids.isEmpty()) {
                summary.set("No committed jobs yet. Plan one with `tessera plan --input <folder>` (add --synthetic 5000 for a demo).");
            } else if (job.get().isEmpty() || !ids.contains(job.get())) {
                selectJob(newestFirst.getFirst());
            }
        }, reason -> {
            listing = false;
            problem.set(reason);
        });
    }

    /** Shows a job's shards and follows their changes. */
    public void selectJob(String jobId) {
        if (jobId == null || jobId.isEmpty()) {
            return;
        }
        int turn = ++generation;
        stopWatching();
        job.set(jobId);
        problem.set("");
        selected.set(null);
        selectedImages.clear();
        imagesStatus.set("");
        summary.set("Loading " + jobId + "…");
        tasks.run("Reading the plan of " + jobId, () -> backend.get().plans().read(jobId), plan -> {
            if (turn != generation) {
                return;
            }
            if (plan.isEmpty()) {
                summary.set("");
                problem.set(jobId + " has no complete plan (any more)");
                show(new ShardRecord[0]);
                return;
            }
            show(plan.get().shards().toArray(ShardRecord[]::new));
            summary.set(describe(plan.get()));
            watch(jobId, turn);
        }, reason -> {
            if (turn == generation) {
                problem.set(reason);
            }
        });
    }

    /** A tile was clicked: shows that shard and lists its images (from its node or its HDFS manifest). */
    public void selectShard(int index) {
        if (index < 0 || index >= shards.length || shards[index] == null) {
            selected.set(null);
            selectedImages.clear();
            imagesStatus.set("");
            return;
        }
        ShardRecord shard = shards[index];
        selected.set(shard);
        selectedImages.clear();
        imagesStatus.set("Loading the image list…");
        int turn = generation;
        tasks.run("Listing the images of shard " + index, () -> backend.get().plans().inputsOf(shard), images -> {
            if (turn == generation && selected.get() != null && selected.get().index() == index) {
                selectedImages.setAll(images.stream().map(ShardMapViewModel::describe).toList());
                imagesStatus.set(Formats.number(images.size()) + (images.size() == 1 ? " image" : " images")
                        + (shard.manifest() != null ? " (from the HDFS manifest)" : ""));
            }
        }, reason -> {
            if (turn == generation) {
                imagesStatus.set("Cannot list the images: " + reason);
            }
        });
    }

    public void close() {
        generation++;
        listed = false;
        stopWatching();
        jobs.clear();
        job.set("");
        summary.set("");
        problem.set("");
        selected.set(null);
        selectedImages.clear();
        show(new ShardRecord[0]);
    }

    private void watch(String jobId, int turn) {
        tasks.run("Watching the shards of " + jobId, () -> {
            ClusterServices b = backend.get();
            return b.watch(b.shardsPath(JobId.of(jobId)), true, event -> offer(event, turn));
        }, started -> {
            if (turn == generation) {
                watcher = started;
            } else {
                started.close();
            }
        }, problem::set);
    }

    /** On the watcher's thread: parse, then hand over. */
    private void offer(ZNodeEvent event, int turn) {
        if (event.type() == ZNodeEvent.Type.INITIALIZED) {
            return;
        }
        int index;
        try {
            index = Integer.parseInt(event.path().substring(event.path().lastIndexOf('/') + 1));
        } catch (NumberFormatException notAShard) {
            return;
        }
        try {
            ShardRecord shard = event.type() == ZNodeEvent.Type.DELETED || event.data() == null ? null : ShardRecord.fromJson(event.data());
            updates.offer(index, new Update(turn, index, shard));
        } catch (IOException unreadable) {
            // a shard node someone edited into something else: keep the last good record
        }
    }

    private void apply(Update update) {
        if (update.generation() != generation || update.index() >= shards.length) {
            return;
        }
        ShardRecord before = shards[update.index()];
        ShardRecord after = update.shard();
        if (before != null) {
            counts.get(before.state()).set(counts.get(before.state()).get() - 1);
        }
        if (after != null) {
            counts.get(after.state()).set(counts.get(after.state()).get() + 1);
        }
        shards[update.index()] = after;
        ownersChanged |= before == null || after == null || !java.util.Objects.equals(before.owner(), after.owner());
        changed = true;
        if (selected.get() != null && selected.get().index() == update.index()) {
            selected.set(after);
        }
    }

    private void publish() {
        if (changed) {
            changed = false;
            if (ownersChanged && groupByOwner.get()) {
                layoutRevision.set(layoutRevision.get() + 1);
            }
            ownersChanged = false;
            revision.set(revision.get() + 1);
        }
    }

    private void show(ShardRecord[] records) {
        shards = records;
        counts.values().forEach(count -> count.set(0));
        for (ShardRecord shard : records) {
            counts.get(shard.state()).set(counts.get(shard.state()).get() + 1);
        }
        layoutRevision.set(layoutRevision.get() + 1);
        revision.set(revision.get() + 1);
    }

    private void stopWatching() {
        ZNodeWatcher previous = watcher;
        watcher = null;
        if (previous != null) {
            tasks.run("Stopping live shard updates", () -> {
                previous.close();
                return null;
            }, ignored -> { }, reason -> { });
        }
    }

    private static String describe(CommittedPlan plan) {
        JobSpec job = plan.job();
        return Formats.number(job.shards()) + " shards · " + Formats.number(job.images()) + " images · " + Formats.size(job.bytes())
                + " · input " + job.input();
    }

    private static String describe(ImageFile image) {
        return image.path() + "  ·  " + Formats.size(image.size());
    }

    // ---- state for the view ----

    public ObservableList<String> jobs() {
        return jobsView;
    }

    public ReadOnlyStringProperty job() {
        return job.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summary() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty count(ShardState state) {
        return counts.get(state).getReadOnlyProperty();
    }

    /** Moves whenever shard records changed (at most once per pulse): redraw. */
    public ReadOnlyIntegerProperty revision() {
        return revision.getReadOnlyProperty();
    }

    /** Moves when tile positions change (another job, grouping on or off, owners while grouped): lay out again. */
    public ReadOnlyIntegerProperty layoutRevision() {
        return layoutRevision.getReadOnlyProperty();
    }

    public BooleanProperty groupByOwner() {
        return groupByOwner;
    }

    public int shardCount() {
        return shards.length;
    }

    /** The shard at a position (its index), or null while it is missing. */
    public ShardRecord shard(int index) {
        return shards[index];
    }

    /** The tile layout for a size: weights are bytes; groups are owners when grouping is on. */
    public TileLayout layout(double width, double height) {
        double[] weights = new double[shards.length];
        String[] groups = groupByOwner.get() ? new String[shards.length] : null;
        for (int i = 0; i < shards.length; i++) {
            ShardRecord shard = shards[i];
            weights[i] = shard == null ? 0 : shard.bytes();
            if (groups != null) {
                groups[i] = shard == null || shard.owner() == null ? "(no owner)" : shard.owner();
            }
        }
        return TileLayout.compute(weights, groups, width, height);
    }

    public ReadOnlyObjectProperty<ShardRecord> selected() {
        return selected.getReadOnlyProperty();
    }

    public ObservableList<String> selectedImages() {
        return selectedImagesView;
    }

    /** The selected shard as label/value rows: state, owner, attempts, images, bytes, progress. */
    public ObservableList<StatRows.Row> selectedFacts() {
        return factsView;
    }

    public ReadOnlyStringProperty imagesStatus() {
        return imagesStatus.getReadOnlyProperty();
    }
}
