package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.dispatch.PrivateRedis;
import io.tessera.engine.membership.OperatorMarks;
import io.tessera.engine.membership.Reconciled;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.security.RedisRole;
import io.tessera.engine.security.TaskKey;
import io.tessera.engine.shard.CommittedPlan;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.testing.RedisRoleUsers;
import io.tessera.testing.SharedCluster;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The coordinator's comparison of a paused job against a real Redis, with no worker running (its tasks wait): a pause
 * ZooKeeper records but Redis lost is made again, whether Redis kept the job (an append-only file that missed its
 * last second) or lost it whole (rebuilt paused, its flag set before its tasks); a pause only Redis knows (a resume
 * under way clears ZooKeeper's record first) is left as it is.
 */
class QueueReconciliationIT {
    private final ClusterConnection connection = SharedCluster.connection();
    private final String prefix = "reconcile-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private final DispatchKeys keys = new DispatchKeys(prefix);
    private final DispatchSettings settings = DispatchSettings.defaults();
    private final JobSubmission submission = new JobSubmission(connection, keys, settings);
    private final QueueReconciliation reconciliation = new QueueReconciliation(connection, keys, settings,
            TaskKey.lazySigner(ZkAccess.of(connection)));
    private final UnifiedJedis redis = connection.redis();

    @Test
    void aPauseRedisLostWhileKeepingTheJobIsMadeAgain() throws Exception {
        String job = submitted();
        assertTrue(submission.pause(job));
        redis.hdel(keys.control(job), "pause"); // Redis as it was before the pause
        redis.hset(keys.job(job), "state", JobState.QUEUED.name());

        Reconciled outcome = reconcile(job);
        assertTrue(outcome.rebuilt() != null && outcome.rebuilt().startsWith("paused it again"), String.valueOf(outcome));
        assertEquals(JobState.PAUSED, state(job));
        assertEquals("1", redis.hget(keys.control(job), "pause"), "the flag workers read");
        assertNull(reconcile(job).rebuilt(), "nothing more to do");
    }

    @Test
    void aPausedJobRedisLostWholeIsRebuiltPausedAndStaysRunningOnceResumed() throws Exception {
        String job = submitted();
        assertTrue(submission.pause(job));
        redis.del(redis.keys(prefix + "*").toArray(String[]::new)); // Redis restarted empty

        Reconciled outcome = reconcile(job);
        assertTrue(outcome.rebuilt() != null && outcome.rebuilt().startsWith("rebuilt it from its plan as paused"), String.valueOf(outcome));
        assertEquals(JobState.PAUSED, state(job));
        assertEquals("1", redis.hget(keys.control(job), "pause"));

        assertTrue(submission.resumePaused(job));
        assertFalse(PlanStore.of(connection).isPaused(job), "ZooKeeper's record is gone");
        assertNull(redis.hget(keys.control(job), "pause"));
        assertEquals(JobState.QUEUED, state(job));
        assertNull(reconcile(job).rebuilt(), "a resumed job is not paused again");
        assertEquals(JobState.QUEUED, state(job));
        assertFalse(submission.resumePaused(job), "not paused");
    }

    @Test
    void aResumeAfterTheSweepReadTheRecordIsNotUndone() throws Exception {
        String job = submitted();
        assertTrue(submission.pause(job));
        OperatorMarks readBefore = new OperatorMarks(false, true); // what the sweep read a moment before the resume
        assertTrue(submission.resumePaused(job));
        CommittedPlan plan = PlanStore.of(connection).read(job).orElseThrow();

        assertNull(reconciliation.reconcile(plan.job(), plan.shards(), readBefore).rebuilt());
        assertEquals(JobState.QUEUED, state(job));

        redis.del(redis.keys(prefix + "*").toArray(String[]::new));
        Reconciled rebuilt = reconciliation.reconcile(plan.job(), plan.shards(), readBefore);
        assertTrue(rebuilt.rebuilt() != null && rebuilt.rebuilt().startsWith("rebuilt it from its plan: "), String.valueOf(rebuilt));
        assertEquals(JobState.QUEUED, state(job));
    }

    @Test
    void aPauseOnlyRedisKnowsIsLeftAsItIs() throws Exception {
        String job = submitted();
        assertTrue(submission.dispatcher().pause(job));

        assertNull(reconcile(job).rebuilt());
        assertEquals(JobState.PAUSED, state(job));
        assertFalse(PlanStore.of(connection).isPaused(job));
    }

    /**
     * A coordinator whose Redis user has the worker role may not write control flags: it says so, and rebuilds a lost
     * paused job running rather than not at all (the operator pauses it again).
     */
    @Test
    void aCoordinatorRefusedTheFlagSaysSoAndRebuildsTheJobRunning() throws Exception {
        try (PrivateRedis redis = PrivateRedis.start(PrivateRedis.Persistence.NONE);
             ClusterConnection admin = new ClusterConnection(redis.besides(SharedCluster.target()));
             ClusterConnection asWorker = new ClusterConnection(RedisRoleUsers.as(redis.besides(SharedCluster.target()), RedisRole.WORKER, prefix))) {
            JobSubmission console = new JobSubmission(admin, keys, settings);
            String job = submitted(console);
            assertTrue(console.pause(job));
            QueueReconciliation coordinator = new QueueReconciliation(asWorker, keys, settings, TaskKey.lazySigner(ZkAccess.of(asWorker)));

            admin.redis().hdel(keys.control(job), "pause");
            admin.redis().hset(keys.job(job), "state", JobState.QUEUED.name());
            Reconciled kept = reconcile(coordinator, admin, job);
            assertTrue(kept.rebuilt() != null && kept.rebuilt().startsWith("could not pause it again"), String.valueOf(kept));

            admin.redis().del(admin.redis().keys(prefix + "*").toArray(String[]::new));
            Reconciled rebuilt = reconcile(coordinator, admin, job);
            assertTrue(rebuilt.rebuilt() != null && rebuilt.rebuilt().startsWith("rebuilt it from its plan: ")
                    && rebuilt.rebuilt().contains("could not pause it again"), String.valueOf(rebuilt));
            assertEquals(JobState.QUEUED, console.dispatcher().status(job).orElseThrow().state());
            assertTrue(console.pause(job), "the operator pauses it again");
            assertEquals(JobState.PAUSED, console.dispatcher().status(job).orElseThrow().state());
        }
    }

    /** A job over a few images, planned and queued, that no worker takes. */
    private String submitted() throws IOException {
        return submitted(submission);
    }

    private static String submitted(JobSubmission submission) throws IOException {
        JobFixture images = JobFixture.upload(SharedCluster.connection().fileSystem(), 4);
        String job = "paused-" + UUID.randomUUID().toString().substring(0, 8);
        submission.submit(new JobRequest(job, images.input, null, Pipeline.parse(List.of("thumbnail:24"), "png"), Priority.NORMAL,
                new ShardLimits(3, 0), 2), JobSubmission.Steps.NONE);
        return job;
    }

    private Reconciled reconcile(String job) throws IOException {
        return reconcile(reconciliation, connection, job);
    }

    /** As the coordinator's sweep asks it (see {@code Reconciler}). */
    private static Reconciled reconcile(QueueReconciliation queue, ClusterConnection connection, String job) throws IOException {
        PlanStore plans = PlanStore.of(connection);
        CommittedPlan plan = plans.read(job).orElseThrow();
        boolean cancelled = plans.isCancelled(job);
        return queue.reconcile(plan.job(), plan.shards(), new OperatorMarks(cancelled, !cancelled && plans.isPaused(job)));
    }

    private JobState state(String job) {
        return submission.dispatcher().status(job).orElseThrow().state();
    }
}
