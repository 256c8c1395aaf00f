package io.tessera.engine.worker;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.Dispatcher;
import io.tessera.engine.dispatch.TaskSigner;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.QueueFill;
import io.tessera.engine.dispatch.QueueLook;
import io.tessera.engine.dispatch.SubmitListener;
import io.tessera.engine.membership.JobQueues;
import io.tessera.engine.membership.OperatorMarks;
import io.tessera.engine.membership.Reconciled;
import io.tessera.engine.shard.JobSpec;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.exceptions.JedisAccessControlException;

/**
 * The Redis task queue as the coordinator reconciles it with the plans in ZooKeeper. Per unfinished job, one
 * cheap look (the job hash's state and plan tag, and each shard's {@code queued} count: two hash reads in one round
 * trip); only when something is missing are the shards' inputs read (their HDFS manifests, for big shards) and
 * the missing part made again through {@link Dispatcher#fill}, the same idempotent path a submit takes:
 * <ul>
 *   <li>no job hash, some shard not ended: the job is rebuilt from its plan: DONE shards count as finished with the
 *       figures ZooKeeper recorded (their tasks marked settled, so a late duplicate cannot count twice), every other
 *       shard runs again (outputs already written are kept: renames never overwrite); a job ZooKeeper records as
 *       cancelled comes back cancelled, with nothing queued;</li>
 *   <li>the job hash there, some shard with tasks that never reached a stream (Redis lost the end of a submit):
 *       those tasks are added;</li>
 *   <li>cancelled in ZooKeeper but not in Redis (the flag was lost): cancelled again;</li>
 *   <li>paused in ZooKeeper but queued or running in Redis: paused again (a job rebuilt paused has its flag set
 *       before any of its tasks is queued). A pause only Redis knows is left alone: a resume clears ZooKeeper's record
 *       first.</li>
 * </ul>
 * What went in and was lost after it (a completion, a retry) is not this class's business: the stream entry is
 * pending again and the reclaimer hands it to a live worker.
 */
final class QueueReconciliation implements JobQueues {
    private final ClusterConnection connection;
    private final DispatchKeys keys;
    private final Dispatcher dispatcher;
    private PlanStore plans;

    QueueReconciliation(ClusterConnection connection, DispatchKeys keys, DispatchSettings settings, TaskSigner signer) {
        this.connection = connection;
        this.keys = keys;
        this.dispatcher = new Dispatcher(connection.redis(), keys, settings, signer);
    }

    @Override
    public boolean serves(JobSpec job) {
        return job.tasks() != null && job.tasks().keyPrefix().equals(keys.prefix());
    }

    @Override
    public Reconciled reconcile(JobSpec job, List<ShardRecord> shards, OperatorMarks marks) throws IOException {
        QueueLook look = dispatcher.look(job.id(), shards.stream().map(ShardRecord::index).toList());
        if (!look.exists()) {
            if (shards.stream().allMatch(QueueReconciliation::ended)) {
                return new Reconciled(null, false, false, false); // finished, and its keys expired since
            }
            return rebuild(job, shards, marks);
        }
        if (!job.planTag().equals(look.planTag())) {
            return new Reconciled(null, true, false, false); // Redis holds another job of this id (an earlier one): not ours to touch
        }
        List<String> done = new ArrayList<>();
        boolean cancelledThere = look.state() == JobState.CANCELLED;
        if (marks.cancelled() && !cancelledThere && look.state() != JobState.FINISHED) {
            try {
                cancelledThere = dispatcher.cancel(job.id());
                done.add("cancelled it again (ZooKeeper records the cancel; Redis had lost the flag)");
            } catch (JedisAccessControlException workerRole) {
                done.add(refused("cancel"));
            }
        }
        if (marks.paused() && (look.state() == JobState.QUEUED || look.state() == JobState.RUNNING) && stillPaused(job)) {
            try {
                dispatcher.pause(job.id());
                done.add("paused it again (ZooKeeper records the pause; Redis had lost the flag)");
            } catch (JedisAccessControlException workerRole) {
                done.add(refused("pause"));
            }
        }
        boolean missing = shards.stream().anyMatch(shard -> look.queued().getOrDefault(shard.index(), 0L) < job.tasks().tasksOf(shard.images()));
        if (missing) {
            // a job Redis holds keeps its flags as they are: only a job created here starts paused
            QueueFill fill = fill(job, shards, new OperatorMarks(marks.cancelled(), false));
            if (fill.tasksAdded() > 0) {
                done.add("queued " + fill.tasksAdded() + " of its " + fill.total() + " tasks that had never reached a stream");
            }
        }
        return new Reconciled(done.isEmpty() ? null : String.join("; ", done), true, cancelledThere, look.over());
    }

    /** The job made again from its plan, cancelled or paused as ZooKeeper records it. */
    private Reconciled rebuild(JobSpec job, List<ShardRecord> shards, OperatorMarks given) throws IOException {
        OperatorMarks marks = given.paused() && !stillPaused(job) ? new OperatorMarks(given.cancelled(), false) : given;
        String refusal = null;
        QueueFill fill;
        try {
            fill = fill(job, shards, marks);
        } catch (JedisAccessControlException workerRole) {
            if (!marks.paused()) {
                throw workerRole;
            }
            refusal = refused("pause"); // its flag comes first and is refused: the job is made running rather than not at all
            fill = fill(job, shards, new OperatorMarks(marks.cancelled(), false));
        }
        long finished = shards.stream().filter(shard -> shard.state() == ShardState.DONE).count();
        String as = marks.cancelled() ? " as cancelled" : marks.paused() && refusal == null ? " as paused" : "";
        String what = fill.created()
                ? "rebuilt it from its plan" + as + ": " + finished + " of " + shards.size()
                  + " shards counted finished as ZooKeeper records them, " + fill.tasksAdded() + " of " + fill.total() + " tasks queued again"
                : "queued " + fill.tasksAdded() + " tasks";
        QueueLook now = dispatcher.look(job.id(), List.of()); // a job rebuilt cancelled is over at once
        return new Reconciled(refusal == null ? what : what + "; " + refusal, now.exists(), now.state() == JobState.CANCELLED, now.over());
    }

    /**
     * Asked again just before Redis is made paused: the sweep read ZooKeeper's record a moment ago, and a resume since
     * (record cleared, then Redis's flag) must not be undone by that older read.
     */
    private boolean stillPaused(JobSpec job) throws IOException {
        return plans().isPaused(job.id());
    }

    private static String refused(String action) {
        return "could not " + action + " it again (ZooKeeper records the " + action + "; Redis lost the flag): this worker's Redis user "
                + "may not write job control flags; " + action + " it again from the console or the CLI";
    }

    private QueueFill fill(JobSpec job, List<ShardRecord> shards, OperatorMarks marks) throws IOException {
        return dispatcher.fill(PlannedTasks.layout(job, shards, marks.cancelled(), marks.paused()), PlannedTasks.stored(job, shards, plans()),
                SubmitListener.NONE);
    }

    private static boolean ended(ShardRecord shard) {
        return shard.state() == ShardState.DONE || shard.state() == ShardState.FAILED;
    }

    /** The Redis server's run id: a new one after a restart or a failover. */
    @Override
    public String dataset() {
        for (String line : connection.redis().info("server").split("\r?\n")) {
            if (line.startsWith("run_id:")) {
                return line.substring("run_id:".length()).strip();
            }
        }
        return null;
    }

    private synchronized PlanStore plans() throws IOException {
        if (plans == null) {
            plans = PlanStore.of(connection);
        }
        return plans;
    }
}
