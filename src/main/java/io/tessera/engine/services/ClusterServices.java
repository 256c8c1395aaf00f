package io.tessera.engine.services;

import io.tessera.engine.actions.ActionGate;
import io.tessera.engine.actions.ReadOnlyException;
import io.tessera.engine.actions.WriteAccess;
import io.tessera.engine.audit.AuditActions;
import io.tessera.engine.audit.AuditOrigin;
import io.tessera.engine.audit.AuditTrail;
import io.tessera.engine.audit.AuditTrails;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobId;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.live.LiveFeed;
import io.tessera.engine.membership.WorkerActions;
import io.tessera.engine.membership.WorkerFleet;
import io.tessera.engine.membership.WorkerRequests;
import io.tessera.engine.monitor.MonitorListener;
import io.tessera.engine.monitor.PubSubMonitor;
import io.tessera.engine.monitor.StreamInspector;
import io.tessera.engine.security.ZooKeeperAclApplier;
import io.tessera.engine.security.ZooKeeperRolePolicy;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.TesseraPaths;
import io.tessera.engine.store.Downloads;
import io.tessera.engine.store.FileActions;
import io.tessera.engine.store.HdfsBrowser;
import io.tessera.engine.thumbs.ThumbnailService;
import io.tessera.engine.thumbs.ThumbnailSettings;
import io.tessera.engine.upload.Uploader;
import io.tessera.engine.worker.JobActions;
import io.tessera.engine.worker.JobQueries;
import io.tessera.engine.worker.Worker;
import io.tessera.engine.worker.WorkerOptions;
import io.tessera.engine.zk.ZNodeActions;
import io.tessera.engine.zk.ZNodeBrowser;
import io.tessera.engine.zk.ZNodeEvent;
import io.tessera.engine.zk.ZNodeWatcher;
import io.tessera.engine.zk.ZkAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the console and the CLI get for one cluster: the action services through which every operator action goes
 * (files, jobs, ZooKeeper nodes, workers), each refusing writes on a read-only profile and recording every action in
 * the cluster's audit trail, and the engine objects they read with (listings, job status, plans, watchers, feeds).
 * The clients of the servers stay inside: nothing here hands out a Hadoop, Curator, ZooKeeper or Jedis type, and
 * {@code LayeringTest} fails the build if the console or the CLI reaches one by any route.
 */
public final class ClusterServices implements AutoCloseable {
    private final ClusterConnection connection;
    private final ActionGate gate;
    private HdfsBrowser hdfs;
    private ZkAccess zk;
    private ZNodeBrowser znodes;
    private PlanStore plans;

    /** The services of a cluster for actions recorded as {@code origin} ({@code console}, {@code cli}): one connection, opened on first use. */
    public static ClusterServices open(ConnectionTarget target, AuditOrigin origin) {
        ClusterConnection connection = new ClusterConnection(target);
        return new ClusterServices(connection, AuditTrails.forConnection(connection, origin));
    }

    /** Over a connection of the engine's own (tests give their recording trail); closing these closes it. */
    public ClusterServices(ClusterConnection connection, AuditTrail trail) {
        this.connection = connection;
        this.gate = new ActionGate(trail, WriteAccess.of(connection.target()));
    }

    public ConnectionTarget target() {
        return connection.target();
    }

    /** Whether this profile allows writes, and if not why (the reason a panel shows on its disabled writes). */
    public WriteAccess access() {
        return gate.access();
    }

    /** Where this cluster's operator actions are recorded (profile changes made while connected go there too). */
    public AuditTrail trail() {
        return gate.trail();
    }

    // ---- files

    /** Who this profile acts as in HDFS ("alice@EXAMPLE.COM", Kerberos with a keytab); signs in first if need be: blocking. */
    public io.tessera.engine.kerberos.HdfsIdentity hdfsIdentity() throws java.io.IOException {
        return connection.hdfsIdentity();
    }

    /** HDFS reads: listings, stat, blocks, bounded reads, image metadata. */
    public synchronized HdfsBrowser hdfs() {
        if (hdfs == null) {
            hdfs = new HdfsBrowser(connection);
        }
        return hdfs;
    }

    /**
     * The file actions; uploads record their temporaries in flight under {@code uploadJournals}
     * ({@link Uploader#journalFolder}; null for none).
     */
    public FileActions files(Path uploadJournals) {
        return new FileActions(hdfs(), new Uploader(connection, ImageLimits.DEFAULT, uploadJournals), gate);
    }

    public Downloads downloads() {
        return new Downloads(hdfs());
    }

    /** A thumbnail service of its own (its workers, memory cache) over the cluster's shared cache; the caller closes it. */
    public ThumbnailService thumbnails(ThumbnailSettings settings) {
        return ThumbnailService.forConnection(connection, settings);
    }

    // ---- jobs

    public JobActions jobs(DispatchKeys keys, DispatchSettings settings) {
        return new JobActions(connection, keys, settings, gate, Clock.systemDefaultZone());
    }

    public JobQueries jobQueries(DispatchKeys keys, DispatchSettings settings) {
        return new JobQueries(connection, keys, settings);
    }

    /** Plans, with HDFS manifests for long shard input lists; HDFS is only contacted when a manifest is read. */
    public synchronized PlanStore plans() throws IOException {
        if (plans == null) {
            plans = PlanStore.of(connection);
        }
        return plans;
    }

    /** What live views follow under a key prefix: events and the queue's depth. */
    public LiveFeed liveFeed(DispatchKeys keys) {
        return new LiveFeed(connection, keys.prefix());
    }

    // ---- ZooKeeper nodes

    private synchronized ZkAccess zk() {
        if (zk == null) {
            zk = ZkAccess.of(connection);
        }
        return zk;
    }

    public synchronized ZNodeBrowser znodes() {
        if (znodes == null) {
            znodes = new ZNodeBrowser(zk());
        }
        return znodes;
    }

    public ZNodeActions znodeActions() {
        return new ZNodeActions(znodes(), gate);
    }

    /** The absolute path of a job's shard nodes, e.g. {@code /tessera/jobs/<id>/shards}. */
    public String shardsPath(JobId job) {
        return zk().absolute(TesseraPaths.shards(job.value()));
    }

    /** Watches a subtree (absolute path); the listener runs on the watcher's own thread and must only hand events on. */
    public ZNodeWatcher watch(String path, boolean includeInitial, Consumer<ZNodeEvent> listener) {
        return ZNodeWatcher.watch(zk(), path, includeInitial, Runnable::run, listener);
    }

    /**
     * Stores the ZooKeeper role policy (this profile's identity a console, with {@code consoles}, {@code workers} and
     * {@code viewers}: digest ids) and sets every node's ACL to it; recorded with the roles' user names, never their hashes.
     */
    public ZooKeeperAclApplier.Outcome applyZooKeeperRoles(List<String> consoles, List<String> workers, List<String> viewers) throws IOException {
        Map<String, String> users = new LinkedHashMap<>();
        users.put("consoles", userNames(consoles));
        users.put("workers", userNames(workers));
        users.put("viewers", userNames(viewers));
        return gate.write(AuditActions.ZNODE_ACL_APPLY, List.of(zk().root()), users,
                () -> ZooKeeperAclApplier.apply(connection, consoles, workers, viewers));
    }

    private static String userNames(List<String> ids) {
        return String.join(",", ids.stream().map(ZooKeeperRolePolicy::parseId).map(id -> id.substring(0, id.indexOf(':'))).toList());
    }

    // ---- workers

    public WorkerFleet workers() {
        return new WorkerFleet(connection);
    }

    public WorkerActions workerActions() {
        return new WorkerActions(new WorkerRequests(zk()), gate);
    }

    /**
     * Starts a worker on this cluster (the console's own pool). Refused on a read-only profile: a worker writes outputs
     * and job state, and a read-only console only looks.
     */
    public Worker startWorker(WorkerOptions options) throws IOException {
        if (!gate.access().allowed()) {
            throw new ReadOnlyException(gate.access().reason());
        }
        return Worker.start(connection, options);
    }

    // ---- audit

    /** The cluster's audit trail, to list, tail and verify. */
    public io.tessera.engine.audit.AuditLog auditLog() {
        return new io.tessera.engine.audit.AuditLog(connection);
    }

    /** The audit trail kept at {@code location} (tests and tools with a prefix and folder of their own). */
    public io.tessera.engine.audit.AuditLog auditLog(io.tessera.engine.audit.AuditLocation location) {
        return new io.tessera.engine.audit.AuditLog(connection, location);
    }

    // ---- Redis monitor

    public PubSubMonitor pubSub(MonitorListener listener) {
        return PubSubMonitor.open(connection, listener);
    }

    public StreamInspector streams() {
        return new StreamInspector(connection.redis());
    }

    @Override
    public void close() {
        connection.close();
    }
}
