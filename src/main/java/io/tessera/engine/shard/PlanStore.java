package io.tessera.engine.shard;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.zk.ZNodeException;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.engine.zk.ZkBulk;
import io.tessera.engine.zk.ZkBulk.NodeRead;
import io.tessera.engine.zk.ZkJson;
import io.tessera.engine.zk.ZkTransactions;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;

/**
 * Stores plans in ZooKeeper so that they appear whole or not at all. The job node, its shards and the
 * {@code committed} marker go in as few transactions as the request limit allows, the marker in the
 * last one; readers (and workers) act only on jobs with the marker. A plan small enough for one
 * transaction is atomic by ZooKeeper alone. Long input lists go to HDFS manifests first, so the
 * marker never points at a manifest that is not there yet.
 */
public final class PlanStore {
    /** The JSON of the {@code committed} marker. */
    public record CommitMarker(int shards, Instant committed) {}

    private final ZkAccess zk;
    private final CuratorFramework client;
    private final ManifestStore manifests;
    private final PlanStoreSettings settings;

    /** @param manifests where long input lists go; null when every shard must fit inline (tests, tiny jobs) */
    public PlanStore(ZkAccess zk, ManifestStore manifests, PlanStoreSettings settings) {
        this.zk = zk;
        this.client = zk.client();
        this.manifests = manifests;
        this.settings = settings;
    }

    /** The plan store of a profile's connection, with manifests under the default HDFS root ({@value ManifestStore#DEFAULT_ROOT}). */
    public static PlanStore of(ClusterConnection connection) throws IOException {
        return new PlanStore(ZkAccess.of(connection), new ManifestStore(connection.fileSystem(), ManifestStore.DEFAULT_ROOT), PlanStoreSettings.DEFAULT);
    }

    /** Writes the plan of a new job that is only planned (no task settings); its image paths must be relative to {@code input}. */
    public JobSpec store(String jobId, String input, List<String> operations, ShardLimits limits, ShardPlan plan) throws IOException {
        return store(jobId, input, operations, limits, plan, null);
    }

    /** Writes the plan of a new job, with how its shards become tasks (what rebuilds its queue from the plan alone). */
    public JobSpec store(String jobId, String input, List<String> operations, ShardLimits limits, ShardPlan plan, TaskSpec tasks) throws IOException {
        JobSpec job = new JobSpec(jobId, input, List.copyOf(operations), limits, plan.shards().size(), plan.images(), plan.bytes(), Instant.now(), tasks);
        if (zk.run(zk.absolute(TesseraPaths.job(jobId)), () -> client.checkExists().forPath(TesseraPaths.job(jobId))) != null) {
            throw new ZNodeException(ZNodeException.Kind.ALREADY_EXISTS, zk.absolute(TesseraPaths.job(jobId)), "a job " + jobId + " exists already", null);
        }
        zk.ensurePath(TesseraPaths.JOBS);
        List<byte[]> shardNodes = new ShardNodes(manifests, settings).of(jobId, plan.shards());
        ZkTransactions writes = new ZkTransactions(zk, settings.transactionBytes());
        try {
            writes.create(TesseraPaths.job(jobId), ZkJson.bytes(job));
            writes.create(TesseraPaths.shards(jobId), new byte[0]);
            for (int i = 0; i < shardNodes.size(); i++) {
                writes.create(TesseraPaths.shard(jobId, i), shardNodes.get(i));
            }
            writes.create(TesseraPaths.committed(jobId), ZkJson.bytes(new CommitMarker(shardNodes.size(), Instant.now())));
            writes.flush();
        } catch (IOException | RuntimeException e) {
            // Invisible to readers already (no marker); remove the part that did get in, unless it was not ours.
            if (writes.transactions() > 0) {
                deleteQuietly(jobId, e);
            } else if (manifests != null && !(e instanceof ZNodeException z && z.kind() == ZNodeException.Kind.ALREADY_EXISTS)) {
                manifests.deleteJob(jobId);
            }
            throw e;
        }
        return job;
    }

    public boolean isCommitted(String jobId) throws IOException {
        return exists(TesseraPaths.committed(jobId));
    }

    /** A job node without its marker: a plan being written now, or abandoned by a planner that died. */
    public boolean isUncommitted(String jobId) throws IOException {
        return exists(TesseraPaths.job(jobId)) && !isCommitted(jobId);
    }

    /** Whether the job was cancelled: the durable record, which outlives the flag in Redis. */
    public boolean isCancelled(String jobId) throws IOException {
        return exists(TesseraPaths.cancelled(jobId));
    }

    /**
     * Records that the job was cancelled (once; false when it was already, or when the job has no plan). With a
     * {@code fencePath}, only while that node exists (checked in the same transaction; see {@link ShardStore#updateFenced}).
     */
    public boolean markCancelled(String jobId, String fencePath) throws IOException {
        String marker = TesseraPaths.cancelled(jobId);
        byte[] data = ZkJson.bytes(new CancelMarker(Instant.now()));
        try {
            if (fencePath == null) {
                client.create().forPath(marker, data);
            } else {
                client.transaction().forOperations(client.transactionOp().check().forPath(fencePath),
                        client.transactionOp().create().forPath(marker, data));
            }
            return true;
        } catch (org.apache.zookeeper.KeeperException.NodeExistsException | org.apache.zookeeper.KeeperException.NoNodeException e) {
            return false;
        } catch (Exception e) {
            throw zk.translate(e, zk.absolute(marker));
        }
    }

    /** The JSON of {@code jobs/<job-id>/cancelled}. */
    public record CancelMarker(Instant cancelled) {}

    /** Whether an operator has the job paused: the durable record, which outlives the flag in Redis. */
    public boolean isPaused(String jobId) throws IOException {
        return exists(TesseraPaths.paused(jobId));
    }

    /** Records that the job is paused; false when it was already, or when the job has no plan. */
    public boolean markPaused(String jobId) throws IOException {
        String marker = TesseraPaths.paused(jobId);
        byte[] data = ZkJson.bytes(new PauseMarker(Instant.now()));
        try {
            client.create().forPath(marker, data);
            return true;
        } catch (org.apache.zookeeper.KeeperException.NodeExistsException | org.apache.zookeeper.KeeperException.NoNodeException e) {
            return false;
        } catch (Exception e) {
            throw zk.translate(e, zk.absolute(marker));
        }
    }

    /** Removes the record of a pause; false when the job was not paused. */
    public boolean clearPaused(String jobId) throws IOException {
        String marker = TesseraPaths.paused(jobId);
        try {
            client.delete().forPath(marker);
            return true;
        } catch (org.apache.zookeeper.KeeperException.NoNodeException e) {
            return false;
        } catch (Exception e) {
            throw zk.translate(e, zk.absolute(marker));
        }
    }

    /** The JSON of {@code jobs/<job-id>/paused}. */
    public record PauseMarker(Instant paused) {}

    private boolean exists(String path) throws IOException {
        return zk.run(zk.absolute(path), () -> client.checkExists().forPath(path)) != null;
    }

    /** Jobs whose plans are complete, sorted by id. */
    public List<String> committedJobIds() throws IOException {
        return jobIds(true, false);
    }

    /** Jobs whose plan is complete, oldest commit first (the newest last), for pickers that open on the newest. */
    public List<String> committedJobIdsByCommitTime() throws IOException {
        return jobIds(true, true);
    }

    /** Jobs without the marker: plans being written right now, or abandoned by a planner that died (delete those). */
    public List<String> uncommittedJobIds() throws IOException {
        return jobIds(false, false);
    }

    /** @param byCommitTime ordered by when their commit marker was made (committed jobs only), else by id */
    private List<String> jobIds(boolean committed, boolean byCommitTime) throws IOException {
        if (zk.run(zk.absolute(TesseraPaths.JOBS), () -> client.checkExists().forPath(TesseraPaths.JOBS)) == null) {
            return List.of();
        }
        List<String> ids = zk.run(zk.absolute(TesseraPaths.JOBS), () -> client.getChildren().forPath(TesseraPaths.JOBS))
                .stream().sorted().toList();
        List<NodeRead> markers = ZkBulk.stat(zk, client, ids.stream().map(TesseraPaths::committed).toList());
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (markers.get(i).exists() == committed) {
                chosen.add(i);
            }
        }
        if (byCommitTime) {
            chosen.sort(Comparator.comparingLong(i -> markers.get(i).stat().getCtime()));
        }
        return chosen.stream().map(ids::get).toList();
    }

    /** The job of a committed plan; empty when there is no such job or its plan is not complete. */
    public Optional<JobSpec> readJob(String jobId) throws IOException {
        if (!isCommitted(jobId)) {
            return Optional.empty();
        }
        String path = TesseraPaths.job(jobId);
        return Optional.of(ZkJson.read(zk.run(zk.absolute(path), () -> client.getData().forPath(path)), JobSpec.class, zk.absolute(path)));
    }

    /** The whole plan, shards in index order; empty when there is no such job or its plan is not complete. */
    public Optional<CommittedPlan> read(String jobId) throws IOException {
        Optional<JobSpec> job = readJob(jobId);
        if (job.isEmpty()) {
            return Optional.empty();
        }
        String shardsPath = TesseraPaths.shards(jobId);
        List<String> names = zk.run(zk.absolute(shardsPath), () -> client.getChildren().forPath(shardsPath));
        List<NodeRead> reads = ZkBulk.read(zk, client, names.stream().map(n -> shardsPath + "/" + n).toList());
        List<ShardRecord> shards = new ArrayList<>(reads.size());
        for (NodeRead read : reads) {
            if (read.exists()) {
                shards.add(ZkJson.read(read.data(), ShardRecord.class, zk.absolute(read.path())));
            }
        }
        shards.sort(Comparator.comparingInt(ShardRecord::index));
        if (shards.size() != job.get().shards()) {
            throw new IOException("the plan of " + jobId + " is committed with " + job.get().shards() + " shards but " + shards.size()
                    + " are there: it is being deleted, or someone removed shards by hand");
        }
        return Optional.of(new CommittedPlan(job.get(), shards));
    }

    /** A shard's inputs, from its node or its manifest (checked against the recorded SHA-256). Paths are relative to the job's input. */
    public List<ImageFile> inputsOf(ShardRecord shard) throws IOException {
        if (shard.inputs() != null) {
            return shard.inputs();
        }
        if (manifests == null) {
            throw new IOException("shard " + shard.index() + " keeps its inputs in HDFS (" + shard.manifest().path() + ") and this plan store has no HDFS access");
        }
        return manifests.read(shard.manifest());
    }

    /** Deletes a job: the marker first (readers stop seeing it at once), then its shards in batches, then its manifests. */
    public void delete(String jobId) throws IOException {
        String job = TesseraPaths.job(jobId);
        if (zk.run(zk.absolute(job), () -> client.checkExists().forPath(job)) == null) {
            return;
        }
        String marker = TesseraPaths.committed(jobId);
        String shardsPath = TesseraPaths.shards(jobId);
        zk.run(zk.absolute(marker), () -> client.delete().quietly().forPath(marker));
        if (zk.run(zk.absolute(shardsPath), () -> client.checkExists().forPath(shardsPath)) != null) {
            ZkTransactions deletes = new ZkTransactions(zk, settings.transactionBytes());
            for (String name : zk.run(zk.absolute(shardsPath), () -> client.getChildren().forPath(shardsPath))) {
                deletes.delete(shardsPath + "/" + name);
            }
            deletes.flush();
        }
        // Anything else someone hung under the job goes too.
        zk.run(zk.absolute(job), () -> client.delete().quietly().deletingChildrenIfNeeded().forPath(job));
        if (manifests != null) {
            manifests.deleteJob(jobId);
        }
    }

    private void deleteQuietly(String jobId, Exception cause) {
        try {
            delete(jobId);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
