package io.tessera.engine.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.shard.ImageFile;
import io.tessera.engine.shard.JobSpec;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.PlanStoreSettings;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.shard.ShardPlanner;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardState;
import io.tessera.engine.shard.ShardStore;
import io.tessera.engine.shard.TaskSpec;
import io.tessera.engine.zk.ZNodeException;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.engine.zk.ZooKeeperTesting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's reconciliation against a real ZooKeeper, with a queue that records what it is asked and answers
 * as the test says: which plans it compares (and how rarely), and what it writes back to ZooKeeper (the durable
 * cancel, the end of shards the queue has settled), fenced with the election node.
 */
class ReconcilerTest {
    private static final String FENCE = "/coordinator/fence";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static TestingServer server;
    private ZkAccess zk;

    /** Answers per job; counts the questions. */
    private static final class Queue implements JobQueues {
        final Map<String, Reconciled> answers = new HashMap<>();
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());
        volatile String dataset = "run-1";

        @Override
        public boolean serves(JobSpec job) {
            return job.tasks() != null && job.tasks().keyPrefix().equals("mine:");
        }

        @Override
        public Reconciled reconcile(JobSpec job, List<ShardRecord> shards, OperatorMarks marks) {
            asked.add(job.id() + (marks.cancelled() ? " cancelled" : "") + (marks.paused() ? " paused" : ""));
            return answers.getOrDefault(job.id(), new Reconciled(null, true, false, false));
        }

        @Override
        public String dataset() {
            return dataset;
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        server = new TestingServer(true);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void connect() throws Exception {
        zk = ZooKeeperTesting.connect(server.getConnectString(), ZooKeeperTesting.freshChroot());
        zk.client().create().creatingParentsIfNeeded().forPath(FENCE);
    }

    @AfterEach
    void disconnect() {
        zk.client().close();
    }

    private void plan(String jobId, int shards, String keyPrefix) throws Exception {
        List<ImageFile> images = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            images.add(new ImageFile("img-" + i + ".jpg", 100));
        }
        TaskSpec tasks = keyPrefix == null ? null : new TaskSpec(keyPrefix, "{}", "NORMAL", 1, 0);
        new PlanStore(zk, null, PlanStoreSettings.DEFAULT).store(jobId, "/in", List.of(), new ShardLimits(1, 0),
                ShardPlanner.plan(images, new ShardLimits(1, 0)), tasks);
    }

    private int sweep(Reconciler reconciler) throws Exception {
        return reconciler.sweep(() -> true, () -> FENCE, CoordinatorListener.NONE);
    }

    @Test
    void onlyUnfinishedPlansOfItsOwnQueueAreComparedAndAFinishedOneOnlyUntilItIsSeenOver() throws Exception {
        ShardStore shards = new ShardStore(zk);
        plan("running", 2, "mine:");
        plan("elsewhere", 2, "theirs:");
        plan("plan-only", 2, null);
        plan("done", 2, "mine:");
        plan("ended", 2, "mine:");
        for (int i = 0; i < 2; i++) {
            shards.claim("done", i, "w");
            shards.finish("done", i, "w", ShardState.DONE, null);
            shards.claim("ended", i, "w");
            shards.finish("ended", i, "w", i == 0 ? ShardState.DONE : ShardState.FAILED, "1 image failed");
        }
        Queue queue = new Queue();
        queue.answers.put("ended", new Reconciled(null, true, false, true));
        queue.answers.put("running", new Reconciled("queued 1 of its 2 tasks that had never reached a stream", true, false, false));
        Reconciler reconciler = new Reconciler(zk, new PlanCache(zk), queue, SettledShards.NONE);

        assertEquals(1, sweep(reconciler), "one job repaired");
        assertEquals(List.of("ended", "running"), queue.asked, "all-DONE plans, plan-only ones and other key spaces are not compared");
        queue.asked.clear();
        sweep(reconciler);
        assertEquals(List.of("running"), queue.asked, "an ended job whose queue is over is not compared again");

        shards.update("ended", 1, s -> Optional.of(s.withError("requeued by hand")));
        queue.asked.clear();
        sweep(reconciler);
        assertEquals(List.of("ended", "running"), queue.asked, "until one of its shards changes");
    }

    @Test
    void aCancelOnlyTheQueueKnewIsRecordedAndShardsTheQueueSettledEnd() throws Exception {
        ShardStore shards = new ShardStore(zk);
        plan("cancelled", 2, "mine:");
        shards.claim("cancelled", 0, "w");
        PlanStore plans = new PlanStore(zk, null, PlanStoreSettings.DEFAULT);
        Queue queue = new Queue();
        queue.answers.put("cancelled", new Reconciled(null, true, true, true));
        SettledShards settled = (jobId, shard) -> Optional.of(s -> s.moveTo(ShardState.FAILED, s.owner()).withError("1 task cancelled"));
        Reconciler reconciler = new Reconciler(zk, new PlanCache(zk), queue, settled);

        sweep(reconciler);
        assertTrue(plans.isCancelled("cancelled"), "the durable record of the cancel");
        for (int i = 0; i < 2; i++) {
            ShardRecord shard = shards.read("cancelled", i).shard();
            assertEquals(ShardState.FAILED, shard.state());
            assertEquals("1 task cancelled", shard.error());
        }
        queue.asked.clear();
        sweep(reconciler);
        assertEquals(List.of(), queue.asked, "ended, and over in the queue: not compared again");
    }

    @Test
    void theQueueIsToldOfAPauseZooKeeperRecordsAndOfACancelBeforeIt() throws Exception {
        plan("napping", 2, "mine:");
        plan("stopped", 2, "mine:");
        PlanStore plans = new PlanStore(zk, null, PlanStoreSettings.DEFAULT);
        assertTrue(plans.markPaused("napping"));
        assertFalse(plans.markPaused("napping"), "paused already");
        assertTrue(plans.markPaused("stopped"));
        assertTrue(plans.markCancelled("stopped", null));
        Queue queue = new Queue();
        Reconciler reconciler = new Reconciler(zk, new PlanCache(zk), queue, SettledShards.NONE);

        sweep(reconciler);
        assertEquals(List.of("napping paused", "stopped cancelled"), queue.asked, "a cancelled job is not paused");

        assertTrue(plans.clearPaused("napping"));
        assertFalse(plans.clearPaused("napping"), "not paused any more");
        queue.asked.clear();
        sweep(reconciler);
        assertEquals(List.of("napping", "stopped cancelled"), queue.asked);
        assertFalse(plans.markPaused("no-such-job"), "no plan, no record");
    }

    @Test
    void aQueueRestartedJustAfterTheCoordinatorTookTheLeadIsComparedAgainAtOnce() throws Exception {
        plan("running", 1, "mine:");
        Queue queue = new Queue();
        // the periodic sweep (a minute) would come too late: only the data-set check (every 2 s) can pass this
        try (Coordinator coordinator = Coordinator.start(zk, "c1", new CoordinatorSettings(3, Duration.ofMinutes(1)),
                CoordinatorListener.NONE, SettledShards.NONE, queue)) {
            ZooKeeperTesting.await(WAIT, "the comparison on taking the lead", () -> queue.asked.size() == 1);
            queue.dataset = "run-2"; // before the first check: Redis restarted, maybe empty
            ZooKeeperTesting.await(WAIT, "a second comparison, for the new data set", () -> queue.asked.size() == 2);
            assertTrue(coordinator.isActing());
        }
    }

    @Test
    void aDeposedCoordinatorWritesNothing() throws Exception {
        plan("late", 1, "mine:");
        Queue queue = new Queue();
        queue.answers.put("late", new Reconciled(null, true, true, true));
        SettledShards settled = (jobId, shard) -> Optional.of(s -> s.moveTo(ShardState.FAILED, s.owner()));
        Reconciler reconciler = new Reconciler(zk, new PlanCache(zk), queue, settled);
        zk.client().delete().forPath(FENCE); // its session expired: the election node is gone

        ZNodeException refused = assertThrows(ZNodeException.class, () -> reconciler.sweep(() -> true, () -> FENCE, CoordinatorListener.NONE));
        assertEquals(ZNodeException.Kind.NOT_FOUND, refused.kind());
        assertFalse(new PlanStore(zk, null, PlanStoreSettings.DEFAULT).isCancelled("late"));
        assertEquals(ShardState.PLANNED, new ShardStore(zk).read("late", 0).shard().state());
    }
}
