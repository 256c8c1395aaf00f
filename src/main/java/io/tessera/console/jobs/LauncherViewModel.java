package io.tessera.console.jobs;

import io.tessera.console.connection.ConnectionSource;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.Formats;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.ops.OpSpecException;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.worker.JobIds;
import io.tessera.engine.worker.JobRecipe;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.JobSubmission;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "New job" form: input folder (typed or the HDFS browser's selection), a pipeline of ops with a form
 * each, output format and folder, shard size, images per task and priority; a dry-run estimate with the
 * expected time from measured throughput; and start. Problems are listed in the form, never thrown.
 */
public final class LauncherViewModel {
    public static final List<String> FORMATS = List.of("jpeg", "png", "webp", "tiff", "bmp", "gif");
    /** The placeholder id of an estimate; a started job gets a fresh readable id. */
    static final String ESTIMATE_ID = "new-job";

    private final ConnectionSource<JobsBackend> source;
    private final BackgroundTasks tasks;
    private final Supplier<String> hdfsSelection;
    private final DoubleSupplier throughput;
    private final Clock clock;
    private final StringProperty input = new SimpleStringProperty("");
    private final StringProperty output = new SimpleStringProperty("");
    private final StringProperty format = new SimpleStringProperty("jpeg");
    private final StringProperty quality = new SimpleStringProperty("");
    private final ObjectProperty<Integer> shardImages = new SimpleObjectProperty<>(1000);
    private final ObjectProperty<Integer> imagesPerTask = new SimpleObjectProperty<>(10);
    private final ObjectProperty<Priority> priority = new SimpleObjectProperty<>(Priority.NORMAL);
    private final ObservableList<OpDraft> ops = FXCollections.observableArrayList();
    private final ObservableList<OpDraft> opsView = FXCollections.unmodifiableObservableList(ops);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outputHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private Consumer<String> onStarted = id -> { };

    LauncherViewModel(ConnectionSource<JobsBackend> source, BackgroundTasks tasks, Supplier<String> hdfsSelection, DoubleSupplier throughput, Clock clock) {
        this.source = source;
        this.tasks = tasks;
        this.hdfsSelection = hdfsSelection;
        this.throughput = throughput;
        this.clock = clock;
        input.addListener((obs, old, now) -> updateOutputHint());
        ops.addListener((javafx.collections.ListChangeListener<OpDraft>) change -> updateOutputHint());
        addOp(OpKind.THUMBNAIL);
    }

    void onStarted(Consumer<String> action) {
        this.onStarted = action;
    }

    /** Puts the HDFS browser's current folder (or selection) into the input field. */
    public void useHdfsSelection() {
        String chosen = hdfsSelection.get();
        if (chosen == null || chosen.isBlank()) {
            problems.setAll("Nothing is selected in the HDFS browser: open a folder there first");
            return;
        }
        input.set(chosen);
        problems.clear();
    }

    public OpDraft addOp(OpKind kind) {
        OpDraft draft = new OpDraft(kind);
        draft.spec().addListener((obs, old, now) -> updateOutputHint());
        ops.add(draft);
        return draft;
    }

    public void removeOp(OpDraft draft) {
        ops.remove(draft);
    }

    /** Moves the op one place up (-1) or down (+1); at an end it stays. */
    public void moveOp(OpDraft draft, int by) {
        int from = ops.indexOf(draft);
        int to = from + by;
        if (from < 0 || to < 0 || to >= ops.size()) {
            return;
        }
        ops.remove(from);
        ops.add(to, draft);
    }

    /** Counts what the job would take (nothing stored) and says how long it should run at the measured rate. */
    public void estimate() {
        JobRequest request = request(ESTIMATE_ID);
        if (request == null) {
            return;
        }
        busy.set(true);
        estimate.set("Estimating…");
        tasks.run("Estimating " + request.input(), () -> source.get().queries().estimate(request), e -> {
            busy.set(false);
            estimate.set(describe(e));
        }, reason -> {
            busy.set(false);
            estimate.set("");
            problems.setAll(reason);
        });
    }

    String describe(JobSubmission.Estimate e) {
        double rate = throughput.getAsDouble();
        String time = Double.isNaN(rate) || rate <= 0 ? "No throughput measured yet"
                : "about " + Formats.duration(Duration.ofSeconds((long) Math.ceil(e.images() / rate)))
                + String.format(Locale.ROOT, " at %.1f images/s (measured on recent jobs)", rate);
        return Formats.number(e.images()) + (e.images() == 1 ? " image · " : " images · ") + Formats.size(e.bytes()) + " · "
                + e.shards() + (e.shards() == 1 ? " shard · " : " shards · ") + e.tasks() + (e.tasks() == 1 ? " task" : " tasks")
                + e.leftOut().phrases().stream().map(phrase -> "\n" + phrase).reduce("", String::concat)
                + "\n" + time + "\nOutputs to " + e.output().replace(ESTIMATE_ID, "<new job id>");
    }

    /** Plans and submits the job; on success the jobs table selects it. */
    public void start() {
        Pipeline pipeline = pipeline();
        if (pipeline == null) {
            request(ESTIMATE_ID); // lists the problems
            return;
        }
        JobRequest request = request(JobIds.forPipeline(pipeline, clock));
        if (request == null) {
            return;
        }
        busy.set(true);
        tasks.run("Starting job " + request.jobId(), () -> source.get().actions().submit(request, JobSubmission.Steps.NONE), job -> {
            busy.set(false);
            estimate.set("Started " + job.id() + ": " + Formats.number(job.images()) + " images in " + job.shards()
                    + (job.shards() == 1 ? " shard" : " shards"));
            onStarted.accept(job.id());
        }, reason -> {
            busy.set(false);
            problems.setAll(reason);
        });
    }

    private Pipeline pipeline() {
        try {
            List<String> specs = ops.stream().map(d -> d.spec().get()).toList();
            return specs.isEmpty() ? null : Pipeline.parse(specs, formatSpec());
        } catch (IllegalArgumentException bad) {
            return null;
        }
    }

    private String formatSpec() {
        String q = quality.get() == null ? "" : quality.get().strip();
        return q.isEmpty() ? format.get() : format.get() + ",q=" + q;
    }

    /** The request the form describes, or null with the problems listed. */
    JobRequest request(String jobId) {
        List<String> found = new ArrayList<>();
        String in = input.get() == null ? "" : input.get().strip();
        if (in.isEmpty()) {
            found.add("Input folder: choose an HDFS folder (type it, or use the HDFS selection)");
        } else if (!in.startsWith("/")) {
            found.add("Input folder: give an absolute HDFS path, e.g. /tessera/photos, not '" + in + "'");
        }
        if (ops.isEmpty()) {
            found.add("Pipeline: add at least one op");
        }
        for (int i = 0; i < ops.size(); i++) {
            if (!ops.get(i).error().get().isEmpty()) {
                found.add("Op " + (i + 1) + " (" + ops.get(i).kind().title() + "): " + ops.get(i).error().get());
            }
        }
        try {
            io.tessera.engine.ops.OutputFormat.parse(formatSpec());
        } catch (OpSpecException bad) {
            found.add("Output format: " + bad.getMessage());
        }
        String out = output.get() == null ? "" : output.get().strip();
        if (!out.isEmpty() && !out.startsWith("/")) {
            found.add("Output folder: give an absolute HDFS path, or leave it empty for the default");
        }
        if (shardImages.get() == null || shardImages.get() < 1) {
            found.add("Shard size: at least 1 image per shard");
        }
        if (imagesPerTask.get() == null || imagesPerTask.get() < 1 || imagesPerTask.get() > 10_000) {
            found.add("Images per task: between 1 and 10000");
        }
        if (found.isEmpty()) {
            try {
                return setProblems(new JobRequest(jobId, in, out.isEmpty() ? null : out, Pipeline.parse(ops.stream().map(d -> d.spec().get()).toList(),
                        formatSpec()), priority.get(), new ShardLimits(shardImages.get(), 0), imagesPerTask.get()), found);
            } catch (IllegalArgumentException bad) {
                found.add(bad.getMessage());
            }
        }
        return setProblems(null, found);
    }

    private JobRequest setProblems(JobRequest request, List<String> found) {
        problems.setAll(found);
        if (!found.isEmpty()) {
            estimate.set("");
        }
        return request;
    }

    private void updateOutputHint() {
        String in = input.get() == null ? "" : input.get().strip();
        List<String> specs = ops.stream().map(d -> d.spec().get()).toList();
        if (!in.startsWith("/") || specs.isEmpty()) {
            outputHint.set("Default: <input>/../_derived/<job id>/<op chain>");
            return;
        }
        try {
            outputHint.set("Default: " + JobRecipe.defaultOutput(in, ESTIMATE_ID, Pipeline.parse(specs, null)).replace(ESTIMATE_ID, "<job id>"));
        } catch (IllegalArgumentException invalid) {
            outputHint.set("Default: <input>/../_derived/<job id>/<op chain>");
        }
    }

    public StringProperty input() {
        return input;
    }

    public StringProperty output() {
        return output;
    }

    public StringProperty format() {
        return format;
    }

    /** JPEG quality 0.1–1, blank for the default. */
    public StringProperty quality() {
        return quality;
    }

    public ObjectProperty<Integer> shardImages() {
        return shardImages;
    }

    public ObjectProperty<Integer> imagesPerTask() {
        return imagesPerTask;
    }

    public ObjectProperty<Priority> priority() {
        return priority;
    }

    public ObservableList<OpDraft> ops() {
        return opsView;
    }

    public ObservableList<String> problems() {
        return problemsView;
    }

    public ReadOnlyStringProperty estimateText() {
        return estimate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outputHint() {
        return outputHint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }
}
