package io.tessera.console.shards;

import io.tessera.engine.services.ClusterServices;
import io.tessera.engine.audit.AuditTrail;
import io.tessera.console.connection.ConnectionSource;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.ManualUiThread;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.shard.ImageFile;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.PlanStoreSettings;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.shard.ShardPlanner;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.engine.zk.ZooKeeperTesting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.curator.test.TestingServer;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real in-process ZooKeeper with a fresh chroot, a console-side connection to it as the panel
 * gets one (no credentials unless asked), a second "someone else" client, and a hand-driven UI thread.
 */
final class ShardsTesting implements AutoCloseable {
    final TestingServer server;
    final String chroot = ZooKeeperTesting.freshChroot();
    final ManualUiThread ui = new ManualUiThread();
    final BackgroundTasks tasks = BackgroundTasks.sameThread(ui);
    final ClusterConnection connection;
    final ClusterServices backend;
    /** Another session, as another operator or a worker: writes that the panel should see. */
    final ZkAccess other;

    ShardsTesting() throws Exception {
        this(null);
    }

    /** @param ownerPassword when set, "someone else" holds digest credentials and secures the root; the panel has none */
    ShardsTesting(String ownerPassword) throws Exception {
        server = new TestingServer(true);
        other = ZooKeeperTesting.connect(ZooKeeperTesting.target(server.getConnectString(), chroot,
                ownerPassword == null ? null : "owner", ownerPassword));
        other.ensurePath("/jobs");
        ConnectionTarget panelTarget = ZooKeeperTesting.target(server.getConnectString(), chroot, null, null);
        connection = new ClusterConnection(panelTarget);
        backend = new ClusterServices(connection, AuditTrail.NONE);
    }

    ConnectionSource<ClusterServices> source() {
        return () -> backend;
    }

    /** Pulses the UI until the condition holds; fails after the timeout. */
    void pulseUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(Duration.ofSeconds(15).toMillis(), TimeUnit.MILLISECONDS, () -> {
            ui.pulse();
            return condition.getAsBoolean();
        });
    }

    /** A committed job of {@code images} 1 KB images named img-00.jpg …, {@code perShard} to a shard, inputs inline. */
    static void storeJob(ZkAccess zk, String jobId, int images, int perShard) throws Exception {
        List<ImageFile> listing = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            listing.add(new ImageFile(String.format("img-%02d.jpg", i), 1024));
        }
        ShardLimits limits = new ShardLimits(perShard, 0);
        new PlanStore(zk, null, PlanStoreSettings.DEFAULT).store(jobId, "/in", List.of("thumbnail"), limits, ShardPlanner.plan(listing, limits));
    }

    @Override
    public void close() throws Exception {
        tasks.shutdown();
        connection.close();
        other.client().close();
        server.close();
    }
}
