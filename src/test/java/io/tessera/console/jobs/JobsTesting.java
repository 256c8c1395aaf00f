package io.tessera.console.jobs;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.UiThread;
import io.tessera.console.connection.ActiveConnection;
import io.tessera.console.workers.ConsoleWorkerPool;
import io.tessera.console.workers.WorkerPoolSettings;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.worker.WorkerOptions;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FSDataOutputStream;

/**
 * One test's jobs world on the shared cluster: an ActiveConnection on it, dispatch keys of its own (so only this
 * test's pool sees its tasks), the console pool on those keys, and the Jobs view model wired as in the app.
 */
final class JobsTesting implements AutoCloseable {
    final ActiveConnection active;
    final DispatchKeys keys = new DispatchKeys("jobsui-" + UUID.randomUUID().toString().substring(0, 8) + ":");
    final ConsoleWorkerPool pool;
    final JobsViewModel viewModel;
    final ClusterConnection files;

    JobsTesting(BackgroundTasks tasks, UiThread ui, Path configDir, Supplier<String> hdfsSelection) {
        this.active = new ActiveConnection(tasks);
        ui.execute(() -> active.use(SharedCluster.target()));
        DispatchSettings quick = DispatchSettings.defaults().withPrefetch(2).withRetries(2, Duration.ofMillis(50), Duration.ofMillis(200));
        WorkerPoolSettings settings = WorkerPoolSettings.load(configDir);
        settings.set(true, 2);
        this.pool = new ConsoleWorkerPool(active, settings, ui, tasks, threads -> WorkerOptions.defaults(threads).withKeys(keys, quick));
        this.viewModel = new JobsViewModel(active, JobsBackend.of(active, keys), tasks, ui, pool, hdfsSelection, Clock.systemDefaultZone());
        this.files = new ClusterConnection(SharedCluster.target());
    }

    /** A fresh HDFS folder with good JPEGs {@code good-<n>.jpg} and the bad files named. */
    String folder(int good, String... bad) throws IOException {
        String folder = "/test/jobsui-" + UUID.randomUUID().toString().substring(0, 8) + "/in";
        for (int i = 0; i < good; i++) {
            write(folder + "/good-" + i + ".jpg", TestImages.noisyJpeg(200 + i, 150, i));
        }
        for (String name : bad) {
            write(folder + "/" + name, name.startsWith("empty") ? new byte[0] : "this is text, not an image".getBytes());
        }
        return folder;
    }

    private void write(String path, byte[] bytes) throws IOException {
        try (FSDataOutputStream out = files.fileSystem().create(new org.apache.hadoop.fs.Path(path), true)) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        pool.close();
        files.close();
    }
}
