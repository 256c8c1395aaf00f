package io.tessera.engine.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.shard.ImageFile;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.PlanStoreSettings;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.shard.ShardPlanner;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardState;
import io.tessera.engine.shard.ShardStore;
import io.tessera.engine.zk.ZNodeException;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.engine.zk.ZkJson;
import io.tessera.engine.zk.ZooKeeperTesting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Worker membership and the coordinator against a real in-process ZooKeeper, sessions expired for real. */
class CoordinatorTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final CoordinatorSettings QUICK = new CoordinatorSettings(3, Duration.ofSeconds(60));
    private static TestingServer server;
    private final List<AutoCloseable> closing = new ArrayList<>();
    private String chroot;

    @BeforeAll
    static void startServer() throws Exception {
        server = new TestingServer(true);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void freshRoot() {
        chroot = ZooKeeperTesting.freshChroot();
    }

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(closing);
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    @Test
    void theShardsOfAVanishedWorkerGoBackInPlayAndOthersAreLeftAlone() throws Exception {
        ZkAccess planner = session();
        plan(planner, "job", 5);
        ShardStore shards = new ShardStore(planner);
        WorkerRegistration a = WorkerRegistration.register(session(), info("worker-a"), WAIT);
        WorkerRegistration b = WorkerRegistration.register(session(), info("worker-b"), WAIT);
        closing.add(b);
        shards.claim("job", 0, "worker-a");
        shards.claim("job", 1, "worker-a");
        shards.queue("job", 2, "worker-a");
        shards.claim("job", 3, "worker-b");
        shards.claim("job", 4, "worker-a");
        shards.finish("job", 4, "worker-a", ShardState.DONE, null);

        List<String> recovered = Collections.synchronizedList(new ArrayList<>());
        Coordinator coordinator = coordinator(session(), "c1", QUICK, new CoordinatorListener() {
            @Override
            public void shardRecovered(String jobId, String vanishedWorker, ShardRecord now) {
                recovered.add(jobId + "/" + now.index() + " of " + vanishedWorker);
            }
        });
        ZooKeeperTesting.await(WAIT, "the coordinator leads", coordinator::isActing);
        assertEquals(List.of(), recovered, "nobody vanished yet");

        a.close();
        ZooKeeperTesting.await(WAIT, "worker-a's three unfinished shards are recovered", () -> recovered.size() == 3);
        for (int index : new int[] {0, 1, 2}) {
            ShardRecord shard = shards.read("job", index).shard();
            assertEquals(ShardState.PLANNED, shard.state());
            assertNull(shard.owner());
            assertEquals(1, shard.attempts());
            assertTrue(shard.error().contains("worker-a vanished"), shard.error());
        }
        assertEquals("worker-b", shards.read("job", 3).shard().owner());
        assertEquals(ShardState.RUNNING, shards.read("job", 3).shard().state());
        assertEquals(ShardState.DONE, shards.read("job", 4).shard().state());
    }

    @Test
    void onWinningTheElectionTheCoordinatorRecoversShardsOfWorkersThatVanishedBefore() throws Exception {
        ZkAccess planner = session();
        plan(planner, "old", 2);
        ShardStore shards = new ShardStore(planner);
        shards.claim("old", 0, "ghost");
        shards.update("old", 1, s -> Optional.of(s.moveTo(ShardState.RUNNING, "ghost").requeued(ShardState.RUNNING, null).moveTo(ShardState.RUNNING, "ghost")));

        coordinator(session(), "c1", new CoordinatorSettings(2, Duration.ofSeconds(60)), CoordinatorListener.NONE);
        ZooKeeperTesting.await(WAIT, "shard 0 planned again", () -> shards.read("old", 0).shard().state() == ShardState.PLANNED);
        ZooKeeperTesting.await(WAIT, "shard 1 given up", () -> shards.read("old", 1).shard().state() == ShardState.FAILED);
        assertTrue(shards.read("old", 1).shard().error().contains("given up after 2 attempts"), shards.read("old", 1).shard().error());
    }

    @Test
    void anOrphanedShardWhoseTasksAreAllSettledEndsAsDispatchSaysInsteadOfGoingBackInPlay() throws Exception {
        ZkAccess planner = session();
        plan(planner, "late", 2);
        ShardStore shards = new ShardStore(planner);
        shards.claim("late", 0, "ghost");
        shards.claim("late", 1, "ghost");
        // shard 0: every task acknowledged before its worker died; shard 1: work remains
        SettledShards settled = (jobId, shard) -> shard == 0
                ? Optional.of(s -> s.moveTo(ShardState.DONE, s.owner()).withProgress(1, 0)) : Optional.empty();
        Coordinator coordinator = Coordinator.start(session(), "c1", QUICK, CoordinatorListener.NONE, settled);
        closing.add(coordinator);
        ZooKeeperTesting.await(WAIT, "shard 1 planned again", () -> shards.read("late", 1).shard().state() == ShardState.PLANNED);
        ShardRecord ended = shards.read("late", 0).shard();
        assertEquals(ShardState.DONE, ended.state());
        assertEquals(1, ended.done());
        assertEquals(0, ended.attempts(), "not counted as a lost attempt");
    }

    @Test
    void aSweepReadsAgainOnlyTheShardsThatChangedAndNeverADoneOne() throws Exception {
        ZkAccess zk = session();
        plan(zk, "big", 6);
        plan(zk, "finished", 3);
        ShardStore shards = new ShardStore(zk);
        for (int i = 0; i < 3; i++) {
            shards.claim("finished", i, "w");
            shards.finish("finished", i, "w", ShardState.DONE, null);
        }
        WorkerRegistration live = WorkerRegistration.register(session(), info("w"), WAIT);
        closing.add(live);
        shards.claim("big", 0, "w");
        OrphanedShards orphans = new OrphanedShards(zk, QUICK, SettledShards.NONE);
        zk.client().create().creatingParentsIfNeeded().forPath("/coordinator/fence");

        assertEquals(0, orphans.sweep(() -> true, () -> "/coordinator/fence", CoordinatorListener.NONE));
        assertEquals(9, orphans.shardReads(), "the first sweep reads every shard once");
        orphans.sweep(() -> true, () -> "/coordinator/fence", CoordinatorListener.NONE);
        assertEquals(9, orphans.shardReads(), "nothing changed: nothing read again");

        shards.claim("big", 1, "gone");
        assertEquals(1, orphans.sweep(() -> true, () -> "/coordinator/fence", CoordinatorListener.NONE));
        assertEquals(10, orphans.shardReads(), "only the changed shard is read again");
        assertEquals(ShardState.PLANNED, shards.read("big", 1).shard().state());
        orphans.sweep(() -> true, () -> "/coordinator/fence", CoordinatorListener.NONE);
        assertEquals(11, orphans.shardReads(), "the recovered shard, once more (its version moved)");
        assertEquals(ShardState.RUNNING, shards.read("big", 0).shard().state(), "a live worker's shard is left alone");
    }

    @Test
    void aWorkerWhoseSessionExpiresRegistersAgainWithItsLatestFigures() throws Exception {
        ZkAccess workerSession = session();
        WorkerRegistration registration = WorkerRegistration.register(workerSession, info("worker-x"), WAIT);
        closing.add(registration);
        registration.updateFigures(new LiveFigures(3, 120, 1, 9_000_000, 42.5, Instant.now()));
        ZkAccess observer = session();
        long firstOwner = observer.client().checkExists().forPath("/workers/worker-x").getEphemeralOwner();

        ZooKeeperTesting.expireSession(workerSession.client(), server.getConnectString());

        ZooKeeperTesting.await(WAIT, "worker-x is registered by a new session", () -> {
            Stat stat = observer.client().checkExists().forPath("/workers/worker-x");
            return stat != null && stat.getEphemeralOwner() != firstOwner;
        });
        WorkerInfo again = ZkJson.read(observer.client().getData().forPath("/workers/worker-x"), WorkerInfo.class, "worker-x");
        assertEquals(120, again.figures().imagesDone());
        assertEquals(List.of("worker-x"), new WorkerDirectory(observer).workers().stream().map(WorkerInfo::id).toList());
    }

    @Test
    void whenTheLeadersSessionExpiresTheOtherTakesOverAndTheDeposedOneCannotWrite() throws Exception {
        // A short session, so the deposed leader's client notices the expiry within the test's patience.
        CuratorFramework firstClient = CuratorFrameworkFactory.builder().connectString(server.getConnectString()).namespace(chroot.substring(1))
                .sessionTimeoutMs(3_000).connectionTimeoutMs(3_000).retryPolicy(new ExponentialBackoffRetry(100, 5, 500)).build();
        firstClient.start();
        closing.add(firstClient);
        List<Instant> firstStopped = Collections.synchronizedList(new ArrayList<>());
        Coordinator first = coordinator(new ZkAccess(firstClient, false), "first", QUICK, new CoordinatorListener() {
            @Override
            public void actingChanged(boolean acting) {
                if (!acting) {
                    firstStopped.add(Instant.now());
                }
            }
        });
        ZooKeeperTesting.await(WAIT, "first leads", first::isActing);
        String firstFence = first.electionNode();
        Coordinator second = coordinator(session(), "second", QUICK, CoordinatorListener.NONE);
        ZkAccess observer = session();

        AtomicBoolean watching = new AtomicBoolean(true);
        CompletableFuture<Integer> bothActingAfterFirstNoticed = CompletableFuture.supplyAsync(() -> {
            int seen = 0;
            while (watching.get()) {
                boolean noticed = !firstStopped.isEmpty();
                if (noticed && first.isActing() && second.isActing()) {
                    seen++;
                }
                Thread.onSpinWait();
            }
            return seen;
        });
        assertFalse(second.isActing());
        ZooKeeperTesting.expireSession(firstClient, server.getConnectString());
        ZooKeeperTesting.await(WAIT, "second leads", second::isActing);
        assertNull(observer.client().checkExists().forPath(firstFence), "the first's fence is gone, so its writes cannot land");
        ZooKeeperTesting.await(WAIT, "first notices and stops acting", () -> !first.isActing() && !firstStopped.isEmpty());
        ZooKeeperTesting.await(WAIT, "first is back as a candidate", () -> first.electionNode() != null && !first.electionNode().equals(firstFence));
        watching.set(false);
        assertEquals(0, bothActingAfterFirstNoticed.get(), "samples with both acting after the first noticed its loss");
        assertFalse(first.isActing());
        assertTrue(second.isActing());
    }

    @Test
    void aWriteFencedWithAVanishedElectionNodeDoesNotLand() throws Exception {
        ZkAccess zk = session();
        plan(zk, "fenced", 1);
        ShardStore shards = new ShardStore(zk);
        shards.claim("fenced", 0, "ghost");
        zk.client().create().creatingParentsIfNeeded().forPath("/coordinator/fence");
        zk.client().delete().forPath("/coordinator/fence");
        ZNodeException refused = assertThrows(ZNodeException.class,
                () -> shards.updateFenced("fenced", 0, "/coordinator/fence", s -> Optional.of(s.requeued(ShardState.PLANNED, "x"))));
        assertEquals(ZNodeException.Kind.NOT_FOUND, refused.kind());
        assertEquals(ShardState.RUNNING, shards.read("fenced", 0).shard().state());
        assertNotEquals(null, shards.read("fenced", 0).shard().owner());
    }

    private ZkAccess session() throws InterruptedException {
        ZkAccess zk = ZooKeeperTesting.connect(server.getConnectString(), chroot);
        closing.add(zk.client());
        return zk;
    }

    private Coordinator coordinator(ZkAccess zk, String id, CoordinatorSettings settings, CoordinatorListener listener) throws Exception {
        Coordinator coordinator = Coordinator.start(zk, id, settings, listener);
        closing.add(coordinator);
        return coordinator;
    }

    private static WorkerInfo info(String id) {
        return new WorkerInfo(id, "test-host", 1, 4, "test", Instant.now(), LiveFigures.idle());
    }

    static void plan(ZkAccess zk, String jobId, int shards) throws Exception {
        List<ImageFile> images = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            images.add(new ImageFile("img-" + i + ".jpg", 100));
        }
        new PlanStore(zk, null, PlanStoreSettings.DEFAULT).store(jobId, "/in", List.of(), new ShardLimits(1, 0), ShardPlanner.plan(images, new ShardLimits(1, 0)));
    }
}
