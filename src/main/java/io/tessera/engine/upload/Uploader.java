package io.tessera.engine.upload;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.Reasons;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.images.ImageInspector;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.store.TemporarySweeper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hadoop.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads local files to a folder of the store, {@code parallelism} files at a time on the job's own
 * daemon threads. Bad files (names that escape, hide characters, are hidden from jobs or too long; non-images,
 * empty, truncated, too many pixels) are refused one by one with a reason while the rest go on.
 */
public final class Uploader {
    private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);

    private final ClusterConnection connection;
    private final ImageInspector inspector;
    private final Path journals;

    /** Without journals: a killed upload's temporaries wait for the age sweep (benchmarks, tests). */
    public Uploader(ClusterConnection connection) {
        this(connection, ImageLimits.DEFAULT, null);
    }

    /**
     * @param journals where each run records its temporaries in flight ({@link #journalFolder}), so that
     *                 {@link #sweepInterrupted()} finds those of a killed run; null for none
     */
    public Uploader(ClusterConnection connection, ImageLimits limits, Path journals) {
        this.connection = connection;
        this.inspector = new ImageInspector(limits);
        this.journals = journals;
    }

    /** The journal folder of an installation: {@code <state>/uploads}. */
    public static Path journalFolder(AppDirectories directories) {
        return directories.state().resolve("uploads");
    }

    /**
     * Deletes the temporaries that upload runs of dead processes left on this profile's cluster (found in their
     * journals), whatever their age: the console and {@code tessera upload} call this as they start. Runs still
     * alive, in this process or another, are left alone. Returns how many temporaries were deleted.
     */
    public int sweepInterrupted() throws IOException {
        if (journals == null) {
            return 0;
        }
        int[] deleted = new int[1];
        TemporarySweeper sweeper = new TemporarySweeper(connection.fileSystem());
        UploadJournal.abandoned(journals, connection.target().profileName(), temporaries -> {
            deleted[0] += sweeper.sweepAbandoned(temporaries).deleted();
            return true;
        });
        if (deleted[0] > 0) {
            LOG.info("Deleted {} temporaries left by interrupted uploads", deleted[0]);
        }
        return deleted[0];
    }

    /** Starts at once and returns; follow it through the listener or {@link UploadJob#completion()}. */
    public UploadJob start(UploadRequest request, UploadListener listener, ConflictResolver resolver) {
        UploadJob job = new UploadJob();
        Thread.ofPlatform().daemon().name("upload-coordinator").start(() -> job.complete(run(request, listener, resolver, job)));
        return job;
    }

    private UploadSummary run(UploadRequest request, UploadListener listener, ConflictResolver resolver, UploadJob job) {
        long began = System.nanoTime();
        List<UploadItem> items = request.items();
        ProgressMeter meter = new ProgressMeter(listener, items.size(), totalBytes(items));
        FileUploader uploader;
        UploadJournal journal = UploadJournal.NONE;
        try {
            FileSystem fs = connection.fileSystem();
            journal = UploadJournal.open(journals, connection.target().profileName());
            uploader = new FileUploader(fs, inspector, request, resolver, listener, journal);
        } catch (IOException | RuntimeException e) {
            journal.close();
            String reason = "cannot reach " + request.targetFolder() + ": " + Reasons.oneLine(e);
            List<FileOutcome> failed = items.stream()
                    .map(i -> new FileOutcome(i, request.targetOf(i), FileOutcome.Status.FAILED, reason, 0)).toList();
            failed.forEach(o -> meter.finished(o, 0));
            return new UploadSummary(failed, Duration.ofNanos(System.nanoTime() - began), job.cancelRequested());
        }
        ExecutorService pool = Executors.newFixedThreadPool(request.parallelism(), Thread.ofPlatform().daemon().name("upload-", 0).factory());
        try {
            List<CompletableFuture<FileOutcome>> files = new ArrayList<>(items.size());
            for (UploadItem item : items) {
                files.add(CompletableFuture.supplyAsync(() -> uploader.upload(item, meter, job::cancelRequested), pool));
            }
            List<FileOutcome> outcomes = files.stream().map(CompletableFuture::join).toList();
            return new UploadSummary(outcomes, Duration.ofNanos(System.nanoTime() - began), job.cancelRequested());
        } finally {
            pool.shutdown();
            journal.close(); // every file has ended: its temporary renamed or deleted
        }
    }

    private static long totalBytes(List<UploadItem> items) {
        long total = 0;
        for (UploadItem item : items) {
            try {
                total += Files.size(item.source());
            } catch (IOException ignored) {
                // refused later with its reason
            }
        }
        return total;
    }
}
