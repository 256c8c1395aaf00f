package io.tessera.console.workers;

import io.tessera.engine.connect.ConnectionTarget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.ManualUiThread;
import io.tessera.console.connection.ActiveConnection;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.dispatch.TaskHandler;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.membership.WorkerDirectory;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.JobSubmission;
import io.tessera.engine.worker.WorkerOptions;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The console's pool on the shared cluster: follows its settings and the connection, registers and leaves membership. */
class ConsoleWorkerPoolIT {
    private final ManualUiThread ui = new ManualUiThread();
    private final BackgroundTasks tasks = BackgroundTasks.sameThread(ui);
    @TempDir Path config;

    @Test
    void threadsAndOnOffAreRememberedAndThePoolFollowsTheConnection() throws Exception {
        DispatchKeys keys = new DispatchKeys("pool-" + UUID.randomUUID().toString().substring(0, 8) + ":");
        ActiveConnection active = new ActiveConnection(tasks);
        active.use(SharedCluster.target());
        WorkerPoolSettings settings = WorkerPoolSettings.load(config);
        settings.set(true, 1);
        ConsoleWorkerPool pool = new ConsoleWorkerPool(active, settings, ui, tasks,
                threads -> WorkerOptions.defaults(threads).withKeys(keys, DispatchSettings.defaults()));
        try (ClusterConnection zk = new ClusterConnection(SharedCluster.target())) {
            WorkerDirectory directory = new WorkerDirectory(ZkAccess.of(zk));
            waitFor(() -> "Local worker: 1 thread, on".equals(pool.status().get()));
            String first = pool.workerId();
            assertTrue(directory.liveIds().contains(first), "registered in ZooKeeper");

            pool.setThreads(2);
            waitFor(() -> "Local worker: 2 threads, on".equals(pool.status().get()));
            assertNotEquals(first, pool.workerId(), "a new worker with the new thread count");
            waitFor(() -> !directory.liveIds().contains(first));
            WorkerPoolSettings reread = WorkerPoolSettings.load(config);
            assertEquals(2, reread.threads());
            assertTrue(reread.enabled());

            String second = pool.workerId();
            active.use(null); // the connection closes only after the pool drained from it
            assertEquals("Local worker: not connected", pool.status().get());
            assertNull(pool.workerId());
            assertFalse(directory.liveIds().contains(second), "drained and left before the connection closed");

            active.use(SharedCluster.target());
            waitFor(() -> pool.running().get());
            pool.setEnabled(false);
            waitFor(() -> "Local worker: off".equals(pool.status().get()));
            assertFalse(WorkerPoolSettings.load(config).enabled());
        } finally {
            pool.close();
        }
    }

    @Test
    void aWorkerThatRunsOutOfMemoryIsRestartedInPlaceAndTheJobFinishesAfterTooManyItStaysOff() throws Exception {
        DispatchKeys keys = new DispatchKeys("pool-" + UUID.randomUUID().toString().substring(0, 8) + ":");
        DispatchSettings quick = DispatchSettings.defaults().withPrefetch(2).withRetries(5, Duration.ofMillis(50), Duration.ofMillis(200));
        AtomicBoolean thrownOnce = new AtomicBoolean();
        UnaryOperator<TaskHandler> outOfMemory = handler -> (task, control) -> {
            boolean once = task.images().stream().anyMatch(i -> i.endsWith("/img-0.jpg")) && !thrownOnce.getAndSet(true);
            if (once || task.images().stream().anyMatch(i -> i.contains("/doomed/"))) {
                throw new OutOfMemoryError("Java heap space");
            }
            return handler.handle(task, control);
        };
        ActiveConnection active = new ActiveConnection(tasks);
        active.use(SharedCluster.target());
        WorkerPoolSettings settings = WorkerPoolSettings.load(config);
        settings.set(true, 1);
        ConsoleWorkerPool pool = new ConsoleWorkerPool(active, settings, ui, tasks,
                threads -> WorkerOptions.defaults(threads).withKeys(keys, quick).withHandlerHook(outOfMemory));
        try (ClusterConnection connection = new ClusterConnection(SharedCluster.target())) {
            FileSystem fs = connection.fileSystem();
            WorkerDirectory directory = new WorkerDirectory(ZkAccess.of(connection));
            waitFor(() -> "Local worker: 1 thread, on".equals(pool.status().get()));
            String first = pool.workerId();
            String base = "/it-pool/" + UUID.randomUUID();
            for (int i = 0; i < 6; i++) {
                try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(base + "/in/img-" + i + ".jpg"))) {
                    out.write(TestImages.noisyJpeg(120, 90, i));
                }
            }
            JobSubmission submission = new JobSubmission(connection, keys, quick);
            String job = "pool-oom-" + UUID.randomUUID().toString().substring(0, 8);
            submission.submit(new JobRequest(job, base + "/in", base + "/out", Pipeline.parse(List.of("thumbnail:32"), "png"),
                    Priority.NORMAL, new ShardLimits(100, 0), 2));

            waitFor(() -> pool.status().get().contains("(restarted at ") && pool.running().get());
            assertTrue(pool.status().get().startsWith("Local worker: 1 thread, on (restarted at "), pool.status().get());
            assertTrue(pool.status().get().endsWith(" after it ran out of memory (Java heap space); its tasks went back to the queue)"), pool.status().get());
            assertNotEquals(first, pool.workerId(), "a fresh worker in its place");
            waitFor(() -> !directory.liveIds().contains(first));
            JobStatus finished = submission.await(job, Duration.ofMillis(100), Duration.ofSeconds(60), s -> { });
            assertEquals(new JobCounts(3, 6, 3, 6, 0, 1, 0, 0), finished.counts());
            for (int i = 0; i < 6; i++) {
                try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(base + "/out/img-" + i + ".jpg.png"))) {
                    assertNotNull(ImageIO.read(in));
                }
            }

            // a worker that keeps running out of memory is restarted a few times, then left off (the console stays up)
            try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(base + "/doomed/in/x.jpg"))) {
                out.write(TestImages.jpeg(40, 30));
            }
            String doomed = job + "-doomed";
            submission.submit(new JobRequest(doomed, base + "/doomed/in", base + "/doomed/out", Pipeline.parse(List.of("thumbnail:32"), "png"),
                    Priority.NORMAL, new ShardLimits(100, 0), 1));
            waitFor(() -> pool.status().get().contains("so it stays off until switched on again"));
            assertFalse(pool.running().get());
            assertNull(pool.workerId());
            submission.dispatcher().cancel(doomed);
            pool.setEnabled(false);
            pool.setEnabled(true);
            waitFor(() -> "Local worker: 1 thread, on".equals(pool.status().get()));
        } finally {
            pool.close();
        }
    }

    /** A cluster that does not answer: leaving it (a profile switch, quitting) does not wait out the worker's 15 s registration. */
    @Test
    void leavingAClusterThatDoesNotAnswerDoesNotWaitForTheWorkersRegistration() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ConnectionTarget silent = new ConnectionTarget("Silent", "hdfs://127.0.0.1:" + port, null, null, "127.0.0.1:" + port, "/tessera",
                null, null, "redis://127.0.0.1:" + port, null, null, false);
        ActiveConnection active = new ActiveConnection(tasks);
        active.use(silent);
        WorkerPoolSettings settings = WorkerPoolSettings.load(config);
        settings.set(true, 1);
        ConsoleWorkerPool pool = new ConsoleWorkerPool(active, settings, ui, tasks, threads -> WorkerOptions.defaults(threads));
        try {
            waitFor(() -> pool.status().get().startsWith("Local worker: starting"));
            Thread.sleep(1_000); // registering by now: waiting for a ZooKeeper that never answers

            long began = System.nanoTime();
            active.use(null); // blocks until the pool has drained from the connection
            long millis = (System.nanoTime() - began) / 1_000_000;

            assertTrue(millis < 5_000, "left in " + millis + " ms, not after the 15 s registration timeout");
            waitFor(() -> "Local worker: not connected".equals(pool.status().get()));
            assertNull(pool.workerId());
        } finally {
            pool.close();
        }
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            ui.pulse();
            return condition.call();
        });
    }
}
