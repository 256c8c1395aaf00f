package io.tessera.engine.membership;

import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardState;
import io.tessera.engine.shard.ShardStore;
import io.tessera.engine.zk.ZkAccess;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Finds shards held (QUEUED or RUNNING) by workers that are no longer registered, and puts them back:
 * PLANNED with one attempt more, or FAILED once they have used up their attempts; or, when dispatch says
 * every task of the shard is settled already, ends it as the tally says. Every write is fenced with the
 * coordinator's election node, so only the current leader's writes land. Reads plans through the coordinator's
 * {@link PlanCache}, so a sweep of an unchanged cluster reads no shard data. Not thread-safe: the coordinator
 * sweeps on its one thread.
 */
final class OrphanedShards {
    private final PlanCache plans;
    private final ShardStore shards;
    private final WorkerDirectory workers;
    private final CoordinatorSettings settings;
    private final SettledShards settled;

    OrphanedShards(ZkAccess zk, CoordinatorSettings settings, SettledShards settled) {
        this(zk, new PlanCache(zk), settings, settled);
    }

    OrphanedShards(ZkAccess zk, PlanCache plans, CoordinatorSettings settings, SettledShards settled) {
        this.plans = plans;
        this.shards = new ShardStore(zk);
        this.workers = new WorkerDirectory(zk);
        this.settings = settings;
        this.settled = settled;
    }

    /** One sweep over every committed job; stops as soon as {@code acting} turns false. Returns the shards recovered. */
    int sweep(BooleanSupplier acting, Supplier<String> fence, CoordinatorListener listener) throws IOException {
        Set<String> live = workers.liveIds();
        int recovered = 0;
        for (String jobId : plans.committedJobs()) {
            for (ShardRecord shard : plans.shards(jobId)) {
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
        return plans.shardReads();
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
