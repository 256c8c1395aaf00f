package io.tessera.console.shards;

import io.tessera.console.connection.ActiveConnection;
import io.tessera.console.connection.PerConnection;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.TesseraPaths;
import io.tessera.engine.zk.ZNodeBrowser;
import io.tessera.engine.zk.ZNodeEvent;
import io.tessera.engine.zk.ZNodeWatcher;
import io.tessera.engine.zk.ZkAccess;
import java.io.IOException;
import java.util.function.Consumer;

/** The engine objects the Shards panel works with, for one connection. Made and used off the UI thread. */
public final class ShardsBackend {
    private final ClusterConnection connection;
    private final ZkAccess zk;
    private final ZNodeBrowser browser;
    private PlanStore plans;

    public ShardsBackend(ClusterConnection connection) {
        this.connection = connection;
        this.zk = ZkAccess.of(connection);
        this.browser = new ZNodeBrowser(zk);
    }

    public ClusterConnection connection() {
        return connection;
    }

    public ZNodeBrowser browser() {
        return browser;
    }

    /** Plans, with HDFS manifests for long shard input lists; HDFS is only contacted when a manifest is read. */
    public synchronized PlanStore plans() throws IOException {
        if (plans == null) {
            plans = PlanStore.of(connection);
        }
        return plans;
    }

    /** The absolute path of a job's shard nodes, e.g. {@code /tessera/jobs/<id>/shards}. */
    public String shardsPath(String jobId) {
        return zk.absolute(TesseraPaths.shards(jobId));
    }

    /**
     * Watches a subtree (absolute path). The listener runs on the watcher's own thread and must only hand
     * events on (to a {@link io.tessera.console.common.Coalescer} or {@link io.tessera.console.common.PulseBatch}).
     */
    public ZNodeWatcher watch(String path, boolean includeInitial, Consumer<ZNodeEvent> listener) {
        return ZNodeWatcher.watch(zk, path, includeInitial, Runnable::run, listener);
    }

    /** The backend of the active profile's connection, made again when the connection changes. */
    public static Source of(ActiveConnection active) {
        return new PerConnection<>(active, ShardsBackend::new)::get;
    }

    /** Where the panel's engine objects come from: the active profile's, made on first use. Called off the UI thread. */
    @FunctionalInterface
    public interface Source {
        ShardsBackend get() throws Exception;
    }
}
