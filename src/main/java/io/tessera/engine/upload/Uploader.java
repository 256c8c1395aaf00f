package io.tessera.engine.upload;

import io.tessera.engine.Reasons;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.images.ImageInspector;
import io.tessera.engine.images.ImageLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hadoop.fs.FileSystem;

/**
 * Uploads local files to a folder of the store, {@code parallelism} files at a time on the job's own
 * daemon threads. Bad files (names that escape, non-images, empty, truncated, too many pixels) are
 * refused one by one with a reason while the rest go on.
 */
public final class Uploader {
    private final ClusterConnection connection;
    private final ImageInspector inspector;

    public Uploader(ClusterConnection connection) {
        this(connection, ImageLimits.DEFAULT);
    }

    public Uploader(ClusterConnection connection, ImageLimits limits) {
        this.connection = connection;
        this.inspector = new ImageInspector(limits);
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
        try {
            FileSystem fs = connection.fileSystem();
            uploader = new FileUploader(fs, inspector, request, resolver, listener);
        } catch (IOException | RuntimeException e) {
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
