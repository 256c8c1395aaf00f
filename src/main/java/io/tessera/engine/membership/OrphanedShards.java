package io.tessera.engine.membership;

import io.tessera.engine.shard.CommittedPlan;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.PlanStoreSettings;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardState;
import io.tessera.engine.shard.ShardStore;
import io.tessera.engine.zk.ZkAccess;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Finds shards held (QUEUED or RUNNING) by workers that are no longer registered, and puts them back:
 * PLANNED with one attempt more, or FAILED once they have used up their attempts. Every write is fenced
 * with the coordinator's election node, so only the current leader's writes land.
 */
final class OrphanedShards {
    private final PlanStore plans;
    private final ShardStore shards;
    private final WorkerDirectory workers;
    private final CoordinatorSettings settings;

    OrphanedShards(ZkAccess zk, CoordinatorSettings settings) {
        this.plans = new PlanStore(zk, null, PlanStoreSettings.DEFAULT);
        this.shards = new ShardStore(zk);
        this.workers = new WorkerDirectory(zk);
        this.settings = settings;
    }

    /** One sweep over every committed job; stops as soon as {@code acting} turns false. Returns the shards recovered. */
    int sweep(BooleanSupplier acting, Supplier<String> fence, CoordinatorListener listener) throws IOException {
        Set<String> live = workers.liveIds();
        int recovered = 0;
        for (String jobId : plans.committedJobIds()) {
            List<ShardRecord> jobShards = plans.read(jobId).map(CommittedPlan::shards).orElse(List.of());
            for (ShardRecord shard : jobShards) {
                if (!orphaned(shard, live)) {
                    continue;
                }
                String fencePath = fence.get();
                if (!acting.getAsBoolean() || fencePath == null) {
                    return recovered;
                }
                String vanished = shard.owner();
                Optional<ShardRecord> written = shards.updateFenced(jobId, shard.index(), fencePath,
                        now -> orphaned(now, live) ? Optional.of(recover(now)) : Optional.empty());
                if (written.isPresent()) {
                    recovered++;
                    listener.shardRecovered(jobId, vanished, written.get());
                }
            }
        }
        return recovered;
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
