package io.tessera.engine.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.zk.ZNodeException;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.engine.zk.ZooKeeperTesting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Claims and state changes of shards against a real ZooKeeper, with workers on sessions of their own. */
class ShardClaimsTest {
    private static final int SHARDS = 40;
    private static final int WORKERS = 8;
    private static TestingServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new TestingServer(true);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void workersRacingForEveryShardClaimEachExactlyOnce() throws Exception {
        String chroot = ZooKeeperTesting.freshChroot();
        ZkAccess planner = ZooKeeperTesting.connect(server.getConnectString(), chroot);
        new PlanStore(planner, null, PlanStoreSettings.DEFAULT)
                .store("race", "/in", List.of(), new ShardLimits(1, 0), ShardPlanner.plan(PlanStoreTest.images(SHARDS, 10), new ShardLimits(1, 0)));

        Map<Integer, String> winners = new ConcurrentHashMap<>();
        List<String> doubleClaims = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier start = new CyclicBarrier(WORKERS);
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<ZkAccess> sessions = new ArrayList<>();
        try {
            List<Future<Integer>> claimed = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                String worker = "worker-" + w;
                ZkAccess session = ZooKeeperTesting.connect(server.getConnectString(), chroot);
                sessions.add(session);
                ShardStore shards = new ShardStore(session);
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < SHARDS; i++) {
                    order.add(i);
                }
                Collections.shuffle(order, new Random(w));
                claimed.add(pool.submit(() -> {
                    start.await();
                    int mine = 0;
                    for (int index : order) {
                        if (shards.claim("race", index, worker).isPresent()) {
                            mine++;
                            String previous = winners.putIfAbsent(index, worker);
                            if (previous != null) {
                                doubleClaims.add("shard " + index + ": " + previous + " and " + worker);
                            }
                        }
                    }
                    return mine;
                }));
            }
            int total = 0;
            for (Future<Integer> f : claimed) {
                total += f.get();
            }
            assertEquals(List.of(), doubleClaims);
            assertEquals(SHARDS, total);
            for (ShardRecord shard : new PlanStore(planner, null, PlanStoreSettings.DEFAULT).read("race").orElseThrow().shards()) {
                assertEquals(ShardState.RUNNING, shard.state());
                assertEquals(winners.get(shard.index()), shard.owner());
            }
        } finally {
            pool.shutdownNow();
            sessions.forEach(s -> s.client().close());
            planner.client().close();
        }
    }

    @Test
    void onlyTheOwnerMovesARunningShardAndFinishedShardsStayFinished() throws Exception {
        ZkAccess zk = ZooKeeperTesting.connect(server.getConnectString(), ZooKeeperTesting.freshChroot());
        try {
            ShardStore shards = new ShardStore(zk);
            ZNodeException uncommitted = assertThrows(ZNodeException.class, () -> shards.claim("nothing", 0, "w1"));
            assertTrue(uncommitted.getMessage().contains("no complete plan"), uncommitted.getMessage());

            new PlanStore(zk, null, PlanStoreSettings.DEFAULT)
                    .store("life", "/in", List.of(), new ShardLimits(2, 0), ShardPlanner.plan(PlanStoreTest.images(4, 10), new ShardLimits(2, 0)));
            assertTrue(shards.queue("life", 1, "w2"));
            assertFalse(shards.claim("life", 1, "w1").isPresent(), "queued for w2");
            assertEquals("w2", shards.claim("life", 1, "w2").orElseThrow().owner());

            ShardRecord running = shards.claim("life", 0, "w1").orElseThrow();
            assertEquals(ShardState.RUNNING, running.state());
            assertEquals(1, shards.progress("life", 0, "w1", 1, 0).done());
            ZNodeException notYours = assertThrows(ZNodeException.class, () -> shards.progress("life", 0, "w2", 2, 0));
            assertTrue(notYours.getMessage().contains("no longer run by w2"), notYours.getMessage());

            assertEquals(ShardState.DONE, shards.finish("life", 0, "w1", ShardState.DONE, null).state());
            assertFalse(shards.claim("life", 0, "w2").isPresent());
            assertThrows(IllegalStateException.class, () -> shards.update("life", 0, s -> java.util.Optional.of(s.moveTo(ShardState.RUNNING, "w3"))));
        } finally {
            zk.client().close();
        }
    }
}
