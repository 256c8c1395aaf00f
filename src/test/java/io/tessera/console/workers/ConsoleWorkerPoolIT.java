package io.tessera.console.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.ManualUiThread;
import io.tessera.console.connection.ActiveConnection;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.membership.WorkerDirectory;
import io.tessera.engine.worker.WorkerOptions;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.testing.SharedCluster;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
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

    private void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            ui.pulse();
            return condition.call();
        });
    }
}
