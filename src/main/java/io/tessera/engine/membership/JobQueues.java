package io.tessera.engine.membership;

import io.tessera.engine.shard.JobSpec;
import io.tessera.engine.shard.ShardRecord;
import java.io.IOException;
import java.util.List;

/**
 * The task queue as the coordinator's reconciliation sees it (the worker implements it over Redis): for a committed
 * plan that is not finished, compare what the queue holds with the plan and re-create what the queue lost.
 */
public interface JobQueues {
    JobQueues NONE = new JobQueues() {
        @Override
        public boolean serves(JobSpec job) {
            return false;
        }

        @Override
        public Reconciled reconcile(JobSpec job, List<ShardRecord> shards, OperatorMarks marks) {
            return Reconciled.NOTHING;
        }

        @Override
        public String dataset() {
            return null;
        }
    };

    /** Whether this queue is the one the job was dispatched to (its key space), and the plan says how to rebuild it. */
    boolean serves(JobSpec job);

    /**
     * Makes the queue hold what the plan says is still to do (see {@link Reconciled}), cancelled or paused as
     * ZooKeeper's {@code marks} say. Idempotent: safe beside a submit of the same job, or another coordinator.
     */
    Reconciled reconcile(JobSpec job, List<ShardRecord> shards, OperatorMarks marks) throws IOException;

    /**
     * Names the queue's data set as it is now (Redis: the server's run id): when it changes, the server restarted or
     * failed over and may have lost writes, so the coordinator reconciles at once. Null when unknown (unreachable).
     */
    String dataset();
}
