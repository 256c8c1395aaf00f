package io.tessera.engine.membership;

import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.PlanStoreSettings;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardState;
import io.tessera.engine.shard.ShardStore;
import io.tessera.engine.shard.TesseraPaths;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.engine.zk.ZkBulk;
import io.tessera.engine.zk.ZkBulk.NodeRead;
import io.tessera.engine.zk.ZkJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.data.Stat;

/**
 * Finds shards held (QUEUED or RUNNING) by workers that are no longer registered, and puts them back:
 * PLANNED with one attempt more, or FAILED once they have used up their attempts; or, when dispatch says
 * every task of the shard is settled already, ends it as the tally says. Every write is fenced with the
 * coordinator's election node, so only the current leader's writes land.
 *
 * <p>Sweeps are cheap on a cluster with many big finished jobs: what a sweep read is kept with its node
 * version; the next one stats the shards (no data travels) and reads only those whose version moved,
 * never again a DONE shard (final), and lists a job's shards again only when its {@code shards} node's
 * child version moved. Not thread-safe: the coordinator sweeps on its one thread.
 */
final class OrphanedShards {
    private record Seen(ShardRecord shard, int version) {}

    /** What the last sweep saw of one job. */
    private static final class JobView {
        int childVersion = -1;
        List<String> paths = List.of();
        final Map<String, Seen> seen = new HashMap<>();
    }

    private final ZkAccess zk;
    private final CuratorFramework client;
    private final PlanStore plans;
    private final ShardStore shards;
    private final WorkerDirectory workers;
    private final CoordinatorSettings settings;
    private final SettledShards settled;
    private final Map<String, JobView> views = new HashMap<>();
    private long shardReads;

    OrphanedShards(ZkAccess zk, CoordinatorSettings settings, SettledShards settled) {
        this.zk = zk;
        this.client = zk.client();
        this.plans = new PlanStore(zk, null, PlanStoreSettings.DEFAULT);
        this.shards = new ShardStore(zk);
        this.workers = new WorkerDirectory(zk);
        this.settings = settings;
        this.settled = settled;
    }

    /** One sweep over every committed job; stops as soon as {@code acting} turns false. Returns the shards recovered. */
    int sweep(BooleanSupplier acting, Supplier<String> fence, CoordinatorListener listener) throws IOException {
        Set<String> live = workers.liveIds();
        List<String> jobs = plans.committedJobIds();
        views.keySet().retainAll(jobs);
        int recovered = 0;
        for (String jobId : jobs) {
            for (ShardRecord shard : unfinishedShards(jobId)) {
                if (!orphaned(shard, live)) {
                    continue;
                }
                String fencePath = fence.get();
                if (!acting.getAsBoolean() || fencePath == null) {
                    return recovered;
                }
                String vanished = shard.owner();
                Optional<UnaryOperator<ShardRecord>> ending = settled.ending(jobId, shard.index());
                Optional<ShardRecord> written = shards.updateFenced(jobId, shard.index(), fencePath,
                        now -> orphaned(now, live) ? Optional.of(ending.orElse(this::recover).apply(now)) : Optional.empty());
                if (written.isPresent()) {
                    recovered++;
                    listener.shardRecovered(jobId, vanished, written.get());
                }
            }
        }
        return recovered;
    }

    /** Shard data reads so far (tests check that an unchanged cluster is not read again). */
    long shardReads() {
        return shardReads;
    }

    /** The job's shards that are not DONE, as they are now: read again only where the node version moved. */
    private List<ShardRecord> unfinishedShards(String jobId) throws IOException {
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
            if (read.exists()) {
                view.seen.put(read.path(), new Seen(ZkJson.read(read.data(), ShardRecord.class, zk.absolute(read.path())), read.stat().getVersion()));
            }
        }
        return open.stream().map(view.seen::get).filter(seen -> seen != null).map(Seen::shard).toList();
    }

    private static boolean isDone(Seen seen) {
        return seen != null && seen.shard().state() == ShardState.DONE;
    }

    private static boolean orphaned(ShardRecord shard, Set<String> live) {
        return (shard.state() == ShardState.QUEUED || shard.state() == ShardState.RUNNING) && shard.owner() != null && !live.contains(shard.owner());
    }

    private ShardRecord recover(ShardRecord shard) {
        boolean givenUp = shard.attempts() + 1 >= settings.maxAttempts();
        String reason = "worker " + shard.owner() + " vanished" + (givenUp ? "; given up after " + (shard.attempts() + 1) + " attempts" : "");
        return shard.requeued(givenUp ? ShardState.FAILED : ShardState.PLANNED, reason);
    }
}
