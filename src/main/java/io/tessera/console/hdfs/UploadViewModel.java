package io.tessera.console.hdfs;

import io.tessera.console.connection.ConnectionSource;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.Coalescer;
import io.tessera.console.common.Formats;
import io.tessera.console.common.PulseBatch;
import io.tessera.console.common.UiThread;
import io.tessera.engine.store.SafeNames;
import io.tessera.engine.upload.ConflictPolicy;
import io.tessera.engine.upload.FileOutcome;
import io.tessera.engine.upload.UploadItem;
import io.tessera.engine.upload.UploadJob;
import io.tessera.engine.upload.UploadListener;
import io.tessera.engine.upload.UploadProgress;
import io.tessera.engine.upload.UploadRequest;
import io.tessera.engine.upload.UploadSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Uploads dropped or chosen files and folders into the browser's folder. The engine's listener runs on the
 * upload's threads; totals, per-file progress and outcomes are coalesced onto the UI pulse. Name clashes
 * are asked one at a time through {@link #conflict()}; the view answers with {@link #answer}. When an upload
 * ends, {@code onFinished} gets the folder it went into.
 */
public final class UploadViewModel {
    static final int PARALLELISM = 4;

    private final ConnectionSource<HdfsBackend> source;
    private final BackgroundTasks tasks;
    private final UiThread ui;
    private final Consumer<String> onFinished;
    private String target = "";
    private final Coalescer<String, UploadProgress> totals;
    private final Coalescer<String, String> inFlight;
    private final PulseBatch<Object> ends;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<String> files = FXCollections.observableArrayList();
    private final ObservableList<UploadProblem> problems = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Conflict> conflict = new ReadOnlyObjectWrapper<>();
    private volatile ConflictPolicy forAll;
    private UploadJob job;

    public UploadViewModel(ConnectionSource<HdfsBackend> source, BackgroundTasks tasks, UiThread ui, Consumer<String> onFinished) {
        this.source = source;
        this.tasks = tasks;
        this.ui = ui;
        this.onFinished = onFinished;
        this.totals = new Coalescer<>(ui, (key, progress) -> showProgress(progress));
        this.inFlight = new Coalescer<>(ui, this::showFile);
        this.ends = new PulseBatch<>(ui, batch -> batch.forEach(this::ended));
    }

    /** Starts uploading into {@code folder}; folders keep their structure under their own name. */
    public void upload(List<Path> sources, String folder) {
        if (running.get() || sources.isEmpty()) {
            return;
        }
        running.set(true);
        target = folder;
        fraction.set(0);
        files.clear();
        problems.clear();
        forAll = null;
        summary.set("Preparing " + sources.size() + " item(s) …");
        tasks.run("Uploading to " + folder, () -> {
            UploadRequest request = UploadRequest.of(sources, folder, ConflictPolicy.ASK, PARALLELISM);
            UploadJob started = source.get().files().upload(request, listener(), this::ask);
            started.completion().thenAccept(ends::offer);
            return started;
        }, started -> {
            if (running.get()) {
                job = started;
            }
        }, reason -> {
            running.set(false);
            summary.set("Upload failed: " + reason);
        });
    }

    /**
     * Deletes what uploads of a killed console (or {@code tessera upload}) left in HDFS; called as a connection opens.
     * When there was something, the summary says so (a failure is left for the next start to try again).
     */
    public void sweepInterrupted() {
        tasks.run("Cleaning up after interrupted uploads", () -> source.get().files().sweepInterrupted(), deleted -> {
            if (deleted > 0 && !running.get()) {
                summary.set("Deleted " + deleted + (deleted == 1 ? " temporary file" : " temporary files") + " left by an interrupted upload");
            }
        }, reason -> { });
    }

    public void cancel() {
        if (job != null) {
            job.cancel();
            summary.set("Cancelling …");
        }
        answer(ConflictPolicy.SKIP, true);
    }

    /** The operator's answer to the pending clash; {@code applyToAll} answers the rest the same way. */
    public void answer(ConflictPolicy policy, boolean applyToAll) {
        Conflict pending = conflict.get();
        if (pending != null) {
            if (applyToAll) {
                forAll = policy;
            }
            conflict.set(null);
            pending.answer().complete(policy);
        }
    }

    private ConflictPolicy ask(UploadItem item, String existingPath) {
        ConflictPolicy decided = forAll;
        if (decided != null) {
            return decided;
        }
        CompletableFuture<ConflictPolicy> answer = new CompletableFuture<>();
        ui.execute(() -> conflict.set(new Conflict(SafeNames.displayable(item.relativeTarget()), SafeNames.displayable(existingPath),
                otherForm(item.relativeTarget(), existingPath), answer)));
        return answer.join();
    }

    private UploadListener listener() {
        return new UploadListener() {
            @Override
            public void fileProgress(UploadItem item, long written, long size) {
                String name = SafeNames.displayable(item.relativeTarget());
                inFlight.offer(name, name + "  " + percent(size == 0 ? 1 : (double) written / size));
            }

            @Override
            public void fileFinished(FileOutcome outcome) {
                ends.offer(outcome);
            }

            @Override
            public void progress(UploadProgress progress) {
                totals.offer("total", progress);
            }
        };
    }

    private void showProgress(UploadProgress p) {
        if (!running.get()) {
            return;
        }
        fraction.set(p.fraction());
        summary.set(p.filesDone() + " of " + p.filesTotal() + " files · " + Formats.size(p.bytesDone()) + " of "
                + Formats.size(p.bytesTotal()) + " · " + Formats.size((long) p.bytesPerSecond()) + "/s"
                // files/s means nothing until a file has finished (a single large file would read 0.0 throughout)
                + (p.filesDone() > 0 ? String.format(Locale.ROOT, " · %.1f files/s", p.filesPerSecond()) : "")
                + p.eta().map(eta -> " · about " + Math.max(1, eta.toSeconds()) + " s left").orElse(""));
    }

    private void showFile(String name, String line) {
        if (running.get()) {
            files.removeIf(l -> l.startsWith(name + "  "));
            files.addFirst(line);
            if (files.size() > 8) {
                files.removeLast();
            }
        }
    }

    private void ended(Object end) {
        switch (end) {
            case FileOutcome outcome -> {
                String name = SafeNames.displayable(outcome.item().relativeTarget());
                files.removeIf(l -> l.startsWith(name + "  "));
                if (outcome.isProblem()) {
                    problems.add(new UploadProblem(name, outcome.status().name().toLowerCase(Locale.ROOT), outcome.reason() == null ? "" : outcome.reason()));
                }
            }
            case UploadSummary done -> finished(done);
            default -> { }
        }
    }

    private void finished(UploadSummary done) {
        running.set(false);
        job = null;
        files.clear();
        fraction.set(1);
        summary.set((done.cancelled() ? "Cancelled: " : "Done: ") + done.count(FileOutcome.Status.UPLOADED) + " uploaded ("
                + Formats.size(done.bytesUploaded()) + String.format(Locale.ROOT, ", %.1f files/s)", done.filesPerSecond())
                + (done.count(FileOutcome.Status.SKIPPED) > 0 ? ", " + done.count(FileOutcome.Status.SKIPPED) + " skipped" : "")
                + (problems.isEmpty() ? "" : ", " + problems.size() + " with problems"));
        onFinished.accept(target);
    }

    private static String percent(double f) {
        return Math.round(f * 100) + " %";
    }

    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty fraction() {
        return fraction.getReadOnlyProperty();
    }

    /** Files and bytes done, files/s and ETA while running; the outcome after. */
    public ReadOnlyStringProperty summary() {
        return summary.getReadOnlyProperty();
    }

    /** The files in flight, with their progress. */
    public ObservableList<String> files() {
        return files;
    }

    /** One per file refused, failed or cancelled, with the reason. */
    public ObservableList<UploadProblem> problems() {
        return problems;
    }

    /** Every problem as a line of text, as the "Copy" action puts them on the clipboard. */
    public String problemsText() {
        return problems.stream().map(UploadProblem::line).collect(java.util.stream.Collectors.joining("\n"));
    }

    /** The clash waiting for an answer, or null. */
    public ReadOnlyObjectProperty<Conflict> conflict() {
        return conflict.getReadOnlyProperty();
    }

    /** Whether the clash is with the same name in its other Unicode form (an NFD name written by macOS, say). */
    private static boolean otherForm(String relativeTarget, String existingPath) {
        String existingName = existingPath.substring(existingPath.lastIndexOf('/') + 1);
        return !relativeTarget.endsWith(existingName);
    }

    /**
     * A name clash: {@code name} (relative to the target) would replace {@code existingPath}; {@code otherForm} when
     * the existing name looks the same but is spelled in another Unicode form. Names are {@link SafeNames#displayable}.
     */
    public record Conflict(String name, String existingPath, boolean otherForm, CompletableFuture<ConflictPolicy> answer) {}
}
