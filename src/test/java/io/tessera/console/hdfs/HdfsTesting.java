package io.tessera.console.hdfs;

import io.tessera.engine.services.ClusterServices;
import io.tessera.engine.audit.AuditTrail;
import io.tessera.console.connection.ConnectionSource;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.ManualUiThread;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.upload.ConflictPolicy;
import io.tessera.engine.upload.ConflictResolver;
import io.tessera.engine.upload.UploadListener;
import io.tessera.engine.upload.UploadRequest;
import io.tessera.engine.upload.UploadSummary;
import io.tessera.testing.SharedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The HDFS panel's view models against the shared embedded cluster: one console-side connection and
 * backend for the JVM, a fresh folder per test, a hand-driven UI thread and background work on the caller.
 */
final class HdfsTesting {
    private static ClusterConnection connection;
    private static HdfsBackend backend;

    final ManualUiThread ui = new ManualUiThread();
    final BackgroundTasks tasks = BackgroundTasks.sameThread(ui);

    static synchronized HdfsBackend backend() {
        if (backend == null) {
            connection = new ClusterConnection(SharedCluster.target());
            backend = new HdfsBackend(new ClusterServices(connection, AuditTrail.NONE), null);
        }
        return backend;
    }

    static synchronized ClusterConnection connection() {
        backend();
        return connection;
    }

    ConnectionSource<HdfsBackend> source() {
        HdfsBackend made = backend();
        return () -> made;
    }

    /** A fresh HDFS folder for one test. */
    static String freshFolder(String prefix) throws Exception {
        return backend().files().mkdir("/test/hdfsui-" + prefix + "-" + UUID.randomUUID()).path();
    }

    /** Puts files (name → bytes) into an HDFS folder through the engine's uploader (unchecked names only). */
    static void put(String folder, Path scratch, Object... namesAndBytes) throws Exception {
        Path dir = Files.createTempDirectory(scratch, "put-");
        for (int i = 0; i < namesAndBytes.length; i += 2) {
            Files.write(dir.resolve((String) namesAndBytes[i]), (byte[]) namesAndBytes[i + 1]);
        }
        uploadContents(dir, folder);
    }

    /** Uploads every file of a local folder into an HDFS folder; throws unless all were stored. */
    private static void uploadContents(Path dir, String folder) throws Exception {
        List<Path> files;
        try (var listing = Files.list(dir)) {
            files = listing.toList();
        }
        UploadSummary summary = backend().files().upload(UploadRequest.of(files, folder, ConflictPolicy.SKIP, 4),
                UploadListener.NONE, ConflictResolver.SKIP_ALL).await(Duration.ofSeconds(120));
        if (!summary.allGood()) {
            throw new IllegalStateException("fixture upload failed: " + summary.outcomes());
        }
    }

    /** Writes a file straight into HDFS, unchecked (the uploader would refuse a broken image). */
    static void write(String path, byte[] bytes) throws Exception {
        try (java.io.OutputStream out = connection().fileSystem().create(new org.apache.hadoop.fs.Path(path))) {
            out.write(bytes);
        }
    }

    /** Writes {@code count} copies of one image into an HDFS folder as name-000.ext, name-001.ext …, 8 at a time, unchecked. */
    static void putCopies(String folder, int count, String name, String ext, byte[] bytes) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> writes = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                String path = String.format("%s/%s-%03d.%s", folder, name, i, ext);
                writes.add(pool.submit(() -> {
                    write(path, bytes);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> w : writes) {
                w.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Pulses the UI until the condition holds; fails after the timeout. */
    void pulseUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            ui.pulse();
            return condition.getAsBoolean();
        });
    }
}
