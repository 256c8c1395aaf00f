package io.tessera.engine.membership;

import io.tessera.engine.shard.JobSpec;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.PlanStoreSettings;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardState;
import io.tessera.engine.shard.TesseraPaths;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.engine.zk.ZkBulk;
import io.tessera.engine.zk.ZkBulk.NodeRead;
import io.tessera.engine.zk.ZkJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.data.Stat;

/**
 * What the coordinator knows of the committed plans, kept between sweeps so that a sweep over a cluster with many
 * big jobs stays cheap: each shard read is kept with its node version; a sweep stats the shards (no data travels)
 * and reads only those whose version moved, never again a DONE shard (final), and lists a job's shards again only
 * when its {@code shards} node's child version moved. A job's spec is read once (it never changes). Not
 * thread-safe: the coordinator works on its one thread.
 */
final class PlanCache {
    private record Seen(ShardRecord shard, int version) {}

    /** What the last sweep saw of one job. */
    private static final class JobView {
        int childVersion = -1;
        List<String> paths = List.of();
        final Map<String, Seen> seen = new HashMap<>();
        JobSpec spec;
        boolean quiet;
    }

    private final ZkAccess zk;
    private final CuratorFramework client;
    private final PlanStore plans;
    private final Map<String, JobView> views = new HashMap<>();
    private long shardReads;

    PlanCache(ZkAccess zk) {
        this.zk = zk;
        this.client = zk.client();
        this.plans = new PlanStore(zk, null, PlanStoreSettings.DEFAULT);
    }

    /** Committed jobs, sorted by id; forgets what it knew of jobs that are gone. */
    List<String> committedJobs() throws IOException {
        List<String> jobs = plans.committedJobIds();
        views.keySet().retainAll(jobs);
        return jobs;
    }

    /** The job's spec, read once. */
    Optional<JobSpec> spec(String jobId) throws IOException {
        JobView view = views.computeIfAbsent(jobId, id -> new JobView());
        if (view.spec == null) {
            view.spec = plans.readJob(jobId).orElse(null);
        }
        return Optional.ofNullable(view.spec);
    }

    /** Every shard of the job as it is now (index order), read again only where its node version moved. */
    List<ShardRecord> shards(String jobId) throws IOException {
        String shardsPath = TesseraPaths.shards(jobId);
        Stat parent = zk.run(zk.absolute(shardsPath), () -> client.checkExists().forPath(shardsPath));
        if (parent == null) {
            views.remove(jobId);
            return List.of();
        }
        JobView view = views.computeIfAbsent(jobId, id -> new JobView());
        if (parent.getCversion() != view.childVersion) {
            view.paths = zk.run(zk.absolute(shardsPath), () -> client.getChildren().forPath(shardsPath)).stream()
                    .sorted().map(name -> shardsPath + "/" + name).toList();
            view.childVersion = parent.getCversion();
            view.seen.keySet().retainAll(Set.copyOf(view.paths));
            view.quiet = false;
        }
        List<String> open = view.paths.stream().filter(path -> !isDone(view.seen.get(path))).toList();
        List<String> changed = new ArrayList<>();
        for (NodeRead stat : ZkBulk.stat(zk, client, open)) {
            Seen before = view.seen.get(stat.path());
            if (!stat.exists()) {
                view.seen.remove(stat.path());
            } else if (before == null || before.version() != stat.stat().getVersion()) {
                changed.add(stat.path());
            }
        }
        for (NodeRead read : ZkBulk.read(zk, client, changed)) {
            shardReads++;
            view.quiet = false;
            if (read.exists()) {
                view.seen.put(read.path(), new Seen(ZkJson.read(read.data(), ShardRecord.class, zk.absolute(read.path())), read.stat().getVersion()));
            }
        }
        return view.paths.stream().map(view.seen::get).filter(seen -> seen != null).map(Seen::shard)
                .sorted(Comparator.comparingInt(ShardRecord::index)).toList();
    }

    /**
     * Whether the job was marked quiet (nothing for the reconciliation to do) and no shard of it moved since.
     * Call after {@link #shards}, which clears the mark when something moved.
     */
    boolean isQuiet(String jobId) {
        JobView view = views.get(jobId);
        return view != null && view.quiet;
    }

    void markQuiet(String jobId, boolean quiet) {
        JobView view = views.get(jobId);
        if (view != null) {
            view.quiet = quiet;
        }
    }

    /** Shard data reads so far (tests check that an unchanged cluster is not read again). */
    long shardReads() {
        return shardReads;
    }

    static boolean allDone(Collection<ShardRecord> shards) {
        return shards.stream().allMatch(shard -> shard.state() == ShardState.DONE);
    }

    static boolean allEnded(Collection<ShardRecord> shards) {
        return shards.stream().allMatch(shard -> shard.state() == ShardState.DONE || shard.state() == ShardState.FAILED);
    }

    private static boolean isDone(Seen seen) {
        return seen != null && seen.shard().state() == ShardState.DONE;
    }
}
