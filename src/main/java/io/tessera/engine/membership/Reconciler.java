package io.tessera.engine.membership;

import io.tessera.engine.Reasons;
import io.tessera.engine.shard.JobSpec;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.PlanStoreSettings;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardState;
import io.tessera.engine.shard.ShardStore;
import io.tessera.engine.zk.ZkAccess;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's comparison of the two stores: for each committed plan that is not finished (some shard not DONE)
 * and was dispatched to this coordinator's queue, the queue is asked to re-create what it lost ({@link JobQueues}),
 * with ZooKeeper's records of a cancel or a pause, and ZooKeeper learns what only the queue knew: a cancel (copied to
 * {@code jobs/<id>/cancelled}, the durable record) and shards whose tasks are all settled (ended as their tally says).
 * A pause only Redis knows is not copied: a resume clears ZooKeeper's record first, then Redis's flag. Writes are fenced with the
 * coordinator's election node. A job whose shards have all ended and whose queue is over (or gone) is not looked
 * at again until one of its shard nodes changes.
 */
final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final PlanCache plans;
    private final PlanStore store;
    private final ShardStore shards;
    private final JobQueues queues;
    private final SettledShards settled;

    Reconciler(ZkAccess zk, PlanCache plans, JobQueues queues, SettledShards settled) {
        this.plans = plans;
        this.store = new PlanStore(zk, null, PlanStoreSettings.DEFAULT);
        this.shards = new ShardStore(zk);
        this.queues = queues;
        this.settled = settled;
    }

    /** One pass over the committed jobs; stops as soon as {@code acting} turns false. Returns the jobs whose queue was repaired. */
    int sweep(BooleanSupplier acting, Supplier<String> fence, CoordinatorListener listener) throws IOException {
        int repaired = 0;
        for (String jobId : plans.committedJobs()) {
            if (!acting.getAsBoolean()) {
                return repaired;
            }
            Optional<JobSpec> spec = plans.spec(jobId);
            if (spec.isEmpty() || !queues.serves(spec.get())) {
                continue;
            }
            List<ShardRecord> records = plans.shards(jobId);
            if (records.isEmpty() || PlanCache.allDone(records) || plans.isQuiet(jobId)) {
                continue;
            }
            boolean cancelled = store.isCancelled(jobId);
            Reconciled outcome;
            try {
                outcome = queues.reconcile(spec.get(), records, new OperatorMarks(cancelled, !cancelled && store.isPaused(jobId)));
            } catch (RuntimeException e) {
                if (!queueAnswers()) {
                    throw e; // the queue is unreachable: this sweep ends (and is reported once); the next one tries again
                }
                LOG.warn("Job {}: could not compare it with the task queue (tried again at the next sweep): {}", jobId, Reasons.oneLine(e));
                continue;
            }
            if (outcome.rebuilt() != null) {
                repaired++;
                LOG.warn("Job {}: the task queue had lost part of it; {}", jobId, outcome.rebuilt());
                listener.jobReconciled(jobId, outcome.rebuilt());
            }
            String fencePath = fence.get();
            if (fencePath == null || !acting.getAsBoolean()) {
                return repaired;
            }
            if (outcome.cancelled() && !cancelled && store.markCancelled(jobId, fencePath)) {
                LOG.info("Job {} was cancelled in Redis only; ZooKeeper records it now", jobId);
            }
            if (outcome.over() && endSettled(jobId, records, fencePath, listener)) {
                records = plans.shards(jobId); // what it just wrote, so that the next sweep does not take it for news
            }
            plans.markQuiet(jobId, PlanCache.allEnded(records) && (outcome.over() || !outcome.exists()));
        }
        return repaired;
    }

    private boolean queueAnswers() {
        try {
            return queues.dataset() != null;
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    /**
     * Shards the queue has settled but ZooKeeper still shows unfinished (their worker never wrote the end) end as their
     * tally says. Returns whether it wrote any.
     */
    private boolean endSettled(String jobId, List<ShardRecord> records, String fencePath, CoordinatorListener listener) throws IOException {
        boolean wrote = false;
        for (ShardRecord shard : records) {
            if (shard.state() == ShardState.DONE || shard.state() == ShardState.FAILED) {
                continue;
            }
            Optional<UnaryOperator<ShardRecord>> ending = settled.ending(jobId, shard.index());
            if (ending.isEmpty()) {
                continue;
            }
            Optional<ShardRecord> written = shards.updateFenced(jobId, shard.index(), fencePath, now -> {
                ShardRecord next = ending.get().apply(now);
                return next == now || now.state() == ShardState.DONE ? Optional.empty() : Optional.of(next);
            });
            if (written.isPresent()) {
                wrote = true;
                listener.shardRecovered(jobId, written.get().owner(), written.get());
            }
        }
        return wrote;
    }
}
