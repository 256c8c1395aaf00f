package io.tessera.engine.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClientFactory;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.membership.Coordinator;
import io.tessera.engine.membership.CoordinatorListener;
import io.tessera.engine.membership.CoordinatorSettings;
import io.tessera.engine.membership.WorkerDirectory;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardState;
import io.tessera.engine.shard.TesseraPaths;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.Worker;
import io.tessera.engine.worker.WorkerOptions;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.engine.zk.ZooKeeperTesting;
import io.tessera.testing.ExactJob;
import io.tessera.testing.JvmProcess;
import io.tessera.testing.TcpProxy;
import io.tessera.testing.ProfileHome;
import io.tessera.testing.SharedCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.zookeeper.client.FourLetterWordMain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ZooKeeper faults in the middle of real jobs, on a real three-server ensemble (curator-test's TestingCluster in
 * this JVM, shared by the tests here) with HDFS and Redis from the shared cluster. Workers and coordinators are
 * connected to the whole ensemble; each job must finish exactly (see {@link ExactJob}) with its shard states
 * ended in ZooKeeper.
 */
class ZooKeeperFaultsIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static TestingCluster ensemble;

    private final List<AutoCloseable> closing = new ArrayList<>();
    private final List<InstanceSpec> killed = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String chroot = ZooKeeperTesting.freshChroot();
    private final DispatchKeys keys = new DispatchKeys("zk-faults-" + run + ":");

    @BeforeAll
    static void startEnsemble() throws Exception {
        ensemble = new TestingCluster(3);
        ensemble.start();
    }

    @AfterAll
    static void stopEnsemble() throws Exception {
        ensemble.close();
    }

    @AfterEach
    void closeAndRestart() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
        for (InstanceSpec spec : killed) {
            ensemble.restartServer(spec);
        }
        ZooKeeperTesting.await(WAIT, "all three servers serve again",
                () -> ensemble.getInstances().stream().allMatch(spec -> mode(spec).isPresent()));
    }

    /**
     * The quorum's leader dies while two workers run a job. The two servers left elect a new leader; the workers'
     * sessions survive (their clients reconnect to a live server within the session timeout), so membership, the
     * shard states they keep, and the coordinator's latch all come through, and the job ends exactly.
     */
    @Test
    void theQuorumLeaderKilledMidJobLeavesMembershipShardStatesAndTheCoordinatorStanding() throws Exception {
        int images = 200;
        ConnectionTarget target = target(ensemble.getConnectString());
        ClusterConnection connection = open(target);
        String folder = "/faults/zk-leader-" + run;
        ExactJob.upload(connection.fileSystem(), folder + "/in", ExactJob.smallImages(images));
        DispatchSettings settings = DispatchSettings.defaults();
        Worker first = worker(target, settings);
        Worker second = worker(target, settings);
        ExactJob job = ExactJob.submit(connection, keys, settings, new JobRequest("zk-leader-" + run, folder + "/in", folder + "/out",
                Pipeline.parse(List.of("thumbnail:24"), "png"), Priority.NORMAL, new ShardLimits(40, 0), 5));

        job.awaitSettledImages(images * 3 / 10);
        InstanceSpec leader = quorumLeader();
        assertTrue(ensemble.killServer(leader));
        killed.add(leader);
        JobCounts atKill = job.counts();
        ZooKeeperTesting.await(WAIT, "the two servers left elect a leader", () -> ensemble.getInstances().stream()
                .filter(spec -> !spec.equals(leader)).anyMatch(spec -> mode(spec).filter("leader"::equals).isPresent()));

        job.assertFinishedExactly(new JobCounts(40, images, 40, images, 0, 0, 0, 0));
        assertTrue(atKill.done() < images, "the leader died mid-job: " + atKill);
        WorkerDirectory members = new WorkerDirectory(ZkAccess.of(connection));
        ZooKeeperTesting.await(WAIT, "both workers registered", () -> members.liveIds().equals(Set.of(first.id(), second.id())));
        ZooKeeperTesting.await(WAIT, "exactly one coordinator acts", () -> first.isCoordinating() ^ second.isCoordinating());
    }

    /**
     * The acting coordinator is cut off from the whole ensemble (a network partition: its packets are dropped,
     * nothing is closed) until the servers expire its session, while a worker is SIGKILLed. The cut-off
     * coordinator stops acting once its connection is SUSPENDED, before anyone else leads; its election node, which
     * fences its writes, is gone with its session; another candidate takes over and puts the dead worker's shards
     * back in play exactly once; after the partition heals, the first comes back as a candidate with a new session.
     * The job is paused across the fault, so the shards the dead worker held are still unfinished when the new
     * leader looks (otherwise they may simply end DONE as dispatch's tally says).
     */
    @Test
    void aCoordinatorWhoseSessionExpiresStepsDownAndTheNextPutsAVanishedWorkersShardsBackOnce() throws Exception {
        int images = 120;
        ConnectionTarget target = target(ensemble.getConnectString());
        ClusterConnection connection = open(target);
        ZkAccess observer = ZkAccess.of(connection);

        List<TcpProxy> proxies = new ArrayList<>();
        for (InstanceSpec spec : ensemble.getInstances()) {
            proxies.add(TcpProxy.to("127.0.0.1", spec.getPort()));
            closing.add(proxies.getLast());
        }
        String throughProxies = proxies.stream().map(TcpProxy::address).collect(Collectors.joining(","));
        // The engine's own client (a 15 s session; no ensemble tracker, so it cannot learn the servers' own addresses
        // from /zookeeper/config and reconnect around the proxies: this test is how we know)
        CuratorFramework cutOffClient = ClientFactory.curator(target(throughProxies), Duration.ofSeconds(10), new ExponentialBackoffRetry(100, 10, 1_000));
        cutOffClient.start();
        closing.add(cutOffClient);
        ZkAccess cutOffSession = new ZkAccess(cutOffClient, false);
        AtomicInteger recoveredByFirst = new AtomicInteger();
        Coordinator first = Coordinator.start(cutOffSession, "first-" + run, CoordinatorSettings.DEFAULT, new CoordinatorListener() {
            @Override
            public void shardRecovered(String jobId, String vanishedWorker, ShardRecord now) {
                recoveredByFirst.incrementAndGet();
            }
        });
        closing.add(first);
        ZooKeeperTesting.await(WAIT, "the first coordinator leads", first::isActing);

        // The victim runs the job alone at first, so that it owns the shards it started.
        DispatchSettings settings = DispatchSettings.defaults().withVisibilityTimeout(Duration.ofSeconds(4));
        JvmProcess victim = JvmProcess.tessera(ProfileHome.with("ensemble", target), "worker", "--profile", "ensemble", "--threads", "2",
                "--key-prefix", keys.prefix(), "--visibility-timeout", "4");
        closing.add(victim);
        String folder = "/faults/zk-session-" + run;
        ExactJob.upload(connection.fileSystem(), folder + "/in", ExactJob.smallImages(images)); // while the victim starts
        String victimId = victim.awaitLine("running with 2 threads", Duration.ofSeconds(120)).split(" ")[1];
        ExactJob job = ExactJob.submit(connection, keys, settings, new JobRequest("zk-session-" + run, folder + "/in", folder + "/out",
                Pipeline.parse(List.of("thumbnail:24"), "png"), Priority.NORMAL, new ShardLimits(20, 0), 2));
        PlanStore plans = PlanStore.of(connection);
        ZooKeeperTesting.await(WAIT, "the victim runs a shard", () -> !runningShardsOf(plans, job.id(), victimId).isEmpty());
        job.submission().dispatcher().pause(job.id());
        List<Integer> running = awaitSteady(() -> runningShardsOf(plans, job.id(), victimId)); // its tasks at hand reach the pause
        List<Integer> held = running.stream()
                .filter(index -> job.submission().dispatcher().shardTally(job.id(), index).map(t -> !t.settled()).orElse(false)).toList();
        assertFalse(held.isEmpty(), "the victim holds unfinished shards");

        Worker second = worker(target, settings);
        String firstFence = electionNodeOf(observer, first.id()).orElseThrow();
        AtomicBoolean sampling = new AtomicBoolean(true);
        CompletableFuture<Integer> bothActing = CompletableFuture.supplyAsync(() -> {
            int seen = 0;
            while (sampling.get()) {
                seen += first.isActing() && second.isCoordinating() ? 1 : 0;
                LockSupport.parkNanos(200_000); // a sample every ~0.2 ms, without taking a core of a 2-core machine
            }
            return seen;
        });

        proxies.forEach(TcpProxy::partition);
        victim.process().destroyForcibly(); // SIGKILL: its session lingers until the servers expire it too
        victim.process().waitFor();
        ZooKeeperTesting.await(WAIT, "the cut-off coordinator stops acting", () -> !first.isActing());
        ZooKeeperTesting.await(WAIT, "the other candidate takes over", second::isCoordinating);
        assertNull(observer.client().checkExists().forPath(firstFence), "the first's election node went with its session: its writes are fenced");
        ZooKeeperTesting.await(WAIT, "the victim's shards are back in play", () -> plans.read(job.id()).orElseThrow().shards()
                .stream().filter(s -> held.contains(s.index())).allMatch(s -> s.state() == ShardState.PLANNED && s.attempts() == 1));

        proxies.forEach(TcpProxy::heal);
        ZooKeeperTesting.await(WAIT, "the first is back as a candidate",
                () -> electionNodeOf(observer, first.id()).filter(node -> !node.equals(firstFence)).isPresent());
        job.submission().dispatcher().resume(job.id());

        int tasks = images / 2;
        job.assertFinishedExactly(new JobCounts(tasks, images, tasks, images, 0, 0, 0, 0));
        sampling.set(false);
        assertEquals(0, bothActing.get(), "samples with both coordinators acting");
        assertEquals(0, recoveredByFirst.get(), "the cut-off coordinator recovered nothing");
        assertFalse(first.isActing());
        assertTrue(second.isCoordinating());
        for (ShardRecord shard : plans.read(job.id()).orElseThrow().shards()) {
            assertEquals(held.contains(shard.index()) ? 1 : 0, shard.attempts(), "put back in play exactly once, and only the victim's: " + shard);
        }
    }

    private ConnectionTarget target(String zooKeeper) {
        ConnectionTarget shared = SharedCluster.target();
        return new ConnectionTarget("zookeeper-ensemble", shared.hdfsUri(), shared.hdfsConfDir(), shared.hdfsUser(), zooKeeper, chroot, null, null,
                shared.redisUri(), shared.redisUser(), shared.redisPassword(), shared.redisTls());
    }

    private ClusterConnection open(ConnectionTarget target) {
        ClusterConnection connection = new ClusterConnection(target);
        closing.add(connection);
        return connection;
    }

    /** An in-process worker with a connection of its own, as on a machine of its own. */
    private Worker worker(ConnectionTarget target, DispatchSettings settings) throws Exception {
        Worker worker = Worker.start(open(target), WorkerOptions.defaults(2).withKeys(keys, settings));
        closing.add(worker);
        return worker;
    }

    /** The server's role as it says itself ({@code srvr}): leader, follower; empty when it does not answer. */
    private static Optional<String> mode(InstanceSpec spec) {
        try {
            String answer = FourLetterWordMain.send4LetterWord("127.0.0.1", spec.getPort(), "srvr", false, 2_000);
            return answer.lines().filter(line -> line.startsWith("Mode: ")).map(line -> line.substring(6).strip()).findFirst();
        } catch (Exception down) {
            return Optional.empty();
        }
    }

    private static InstanceSpec quorumLeader() {
        return ensemble.getInstances().stream().filter(spec -> mode(spec).filter("leader"::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no server says it leads"));
    }

    /** The LeaderLatch node of a candidate: latch nodes hold the candidate's id. */
    private static Optional<String> electionNodeOf(ZkAccess zk, String candidate) throws Exception {
        for (String child : zk.client().getChildren().forPath(TesseraPaths.COORDINATOR)) {
            String path = TesseraPaths.COORDINATOR + "/" + child;
            byte[] data = zk.client().getData().forPath(path);
            if (candidate.equals(new String(data, StandardCharsets.UTF_8))) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    private static List<Integer> runningShardsOf(PlanStore plans, String job, String worker) throws Exception {
        return plans.read(job).orElseThrow().shards().stream()
                .filter(s -> s.state() == ShardState.RUNNING && worker.equals(s.owner())).map(ShardRecord::index).toList();
    }

    /** The value once it stayed the same for a second (the victim's threads are stopped by the pause within that). */
    private static <T> T awaitSteady(java.util.concurrent.Callable<T> value) throws Exception {
        T last = value.call();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            T now = value.call();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("never steady: " + last);
    }
}
