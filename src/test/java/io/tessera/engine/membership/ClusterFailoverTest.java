package io.tessera.engine.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.PlanStoreSettings;
import io.tessera.engine.shard.ShardState;
import io.tessera.engine.shard.ShardStore;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.engine.zk.ZooKeeperTesting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.Test;

/** A real three-server ensemble: a member dies under the leader, then the leader itself goes; work carries on. */
class ClusterFailoverTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void killingAMemberAndThenTheLeaderKeepsOneCoordinatorActingAndRecoveryWorking() throws Exception {
        List<AutoCloseable> closing = new ArrayList<>();
        try (TestingCluster cluster = new TestingCluster(3)) {
            cluster.start();
            String chroot = ZooKeeperTesting.freshChroot();
            ZkAccess planner = ZooKeeperTesting.connect(cluster.getConnectString(), chroot);
            closing.add(planner.client());
            CoordinatorTest.plan(planner, "job", 4);

            ZkAccess firstSession = ZooKeeperTesting.connect(cluster.getConnectString(), chroot);
            closing.add(firstSession.client());
            Coordinator first = Coordinator.start(firstSession, "first", CoordinatorSettings.DEFAULT, CoordinatorListener.NONE);
            closing.add(first);
            ZooKeeperTesting.await(WAIT, "first leads", first::isActing);
            ZkAccess secondSession = ZooKeeperTesting.connect(cluster.getConnectString(), chroot);
            closing.add(secondSession.client());
            Coordinator second = Coordinator.start(secondSession, "second", CoordinatorSettings.DEFAULT, CoordinatorListener.NONE);
            closing.add(second);

            ZkAccess workerSession = ZooKeeperTesting.connect(cluster.getConnectString(), chroot);
            closing.add(workerSession.client());
            WorkerRegistration worker = WorkerRegistration.register(workerSession,
                    new WorkerInfo("w1", "h", 1, 2, "test", Instant.now(), LiveFigures.idle()), WAIT);
            ShardStore shards = new ShardStore(workerSession);
            shards.claim("job", 0, "w1");
            shards.claim("job", 1, "w1");

            // The member the leading coordinator is connected to dies: the quorum stays; the coordinator is SUSPENDED
            // (stops acting), reconnects to another member and competes again.
            InstanceSpec underFirst = cluster.findConnectionInstance(firstSession.client().getZookeeperClient().getZooKeeper());
            assertTrue(cluster.killServer(underFirst));
            ZooKeeperTesting.await(WAIT, "the first coordinator stops acting when its server dies", () -> !first.isActing() || second.isActing());
            ZooKeeperTesting.await(WAIT, "exactly one coordinator acts after the member died",
                    () -> first.isActing() ^ second.isActing());
            ZooKeeperTesting.await(WAIT, "the worker is still registered",
                    () -> new WorkerDirectory(planner).liveIds().contains("w1"));
            assertTrue(new PlanStore(planner, null, PlanStoreSettings.DEFAULT).read("job").isPresent());

            // Now the leading coordinator goes away entirely; the other takes over and still recovers shards.
            Coordinator leader = first.isActing() ? first : second;
            Coordinator follower = leader == first ? second : first;
            leader.close();
            ZooKeeperTesting.await(WAIT, "the other coordinator leads", follower::isActing);
            worker.close();
            ZooKeeperTesting.await(WAIT, "w1's shards are back in play", () -> shards.read("job", 0).shard().state() == ShardState.PLANNED
                    && shards.read("job", 1).shard().state() == ShardState.PLANNED);
            assertEquals(1, shards.read("job", 0).shard().attempts());
        } finally {
            Collections.reverse(closing);
            for (AutoCloseable c : closing) {
                c.close();
            }
        }
    }
}
