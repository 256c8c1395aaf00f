package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.ServiceKind;
import io.tessera.engine.chaos.JobAudit;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.HealthCheck;
import io.tessera.engine.connect.ProfileResolver;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.health.DataNodeFigures;
import io.tessera.engine.health.HdfsFigures;
import io.tessera.engine.health.RedisFigures;
import io.tessera.engine.health.ZooKeeperFigures;
import io.tessera.engine.membership.WorkerDirectory;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.profile.ProfileStore;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.sim.Leftovers;
import io.tessera.engine.sim.Sim;
import io.tessera.engine.sim.SimState;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.testing.ExactJob;
import io.tessera.testing.JvmProcess;
import io.tessera.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tessera sim` for real: network namespaces, a bridge and a dozen daemons on this machine (root only; skipped elsewhere).
 * Each test uses a prefix and subnet of its own, so that a sim an operator started by hand is never touched.
 */
@EnabledIf("io.tessera.engine.sim.Sim#available")
class SimCommandIT {

    /** A test's own sim: a prefix and subnet no operator's sim uses, a Tessera home and a sim folder under the test's folder. */
    private record TestSim(String prefix, String subnet, Path home, Path dir) {
        static TestSim in(Path tmp, String prefix, String subnet) {
            return new TestSim(prefix, subnet, tmp.resolve("home"), tmp.resolve("sim"));
        }
    }

    /**
     * Brings up the whole sim (12 daemons and two worker hosts) and runs six jobs, five of them through a fault across hosts
     * (the long cut alone takes over a minute): 4-6 minutes on 2 busy cores, so only with -Dtessera.sim=true.
     */
    @Test
    @EnabledIfSystemProperty(named = "tessera.sim", matches = "true")
    @Timeout(900)
    void aSimWithTwoWorkerHostsRunsJobsThroughEveryFaultWithEveryOutputDecodedThenLeavesNothingBehind(@TempDir Path tmp) throws Exception {
        TestSim sim = TestSim.in(tmp, "tsimt", "10.78.0");
        try {
            CliRun up = CliRun.run(sim.home(), "sim", "up", "--workers", "2", "--dir", sim.dir().toString(), "--prefix", sim.prefix(), "--subnet", sim.subnet());
            assertEquals(0, up.exitCode(), up.out() + up.err());
            assertTrue(up.out().contains("profile 'sim'"), up.out());

            CliRun check = CliRun.run(sim.home(), "check", "--profile", "sim", "--timeout", "10");
            assertEquals(0, check.exitCode(), check.out() + check.err());

            ConnectionTarget target = ProfileResolver.inDirectories(AppDirectories.under(sim.home()))
                    .resolve(ProfileStore.inDirectories(AppDirectories.under(sim.home())).find("sim").orElseThrow());
            Map<ServiceKind, ServiceHealth> health = HealthCheck.checkAll(target, Duration.ofSeconds(10));
            HdfsFigures hdfs = (HdfsFigures) health.get(ServiceKind.HDFS).figures();
            assertEquals(3, hdfs.count(DataNodeFigures.State.LIVE), hdfs.toString());
            ZooKeeperFigures zk = (ZooKeeperFigures) health.get(ServiceKind.ZOOKEEPER).figures();
            assertEquals(List.of("follower", "follower", "leader"), zk.members().stream().map(m -> m.mode()).sorted().toList());
            RedisFigures redis = (RedisFigures) health.get(ServiceKind.REDIS).figures();
            assertEquals("primary", redis.role());
            assertEquals(1, redis.replicas().size());
            assertTrue(health.get(ServiceKind.REDIS).details().get("Primary").startsWith(sim.subnet() + ".31:6379"));

            Path set = Files.createDirectories(tmp.resolve("set"));
            Map<String, byte[]> images = ExactJob.smallImages(8);
            for (Map.Entry<String, byte[]> image : images.entrySet()) {
                Files.write(set.resolve(image.getKey()), image.getValue());
            }
            CliRun upload = CliRun.run(sim.home(), "upload", "--profile", "sim", set.toString(), "/sim-it");
            assertEquals(0, upload.exitCode(), upload.out() + upload.err());
            String job = "sim-it-job";
            JobRequest request = new JobRequest(job, "/sim-it/set", "/sim-it/out", Pipeline.parse(List.of("thumbnail:64"), null), Priority.NORMAL,
                    new ShardLimits(1000, 0), 2);
            CliRun submit = CliRun.run(sim.home(), "submit", "--profile", "sim", "--input", request.input(), "--output", request.output(), "--op", "thumbnail:64",
                    "--batch", "2", "--job", job, "--wait", "--timeout-minutes", "5");
            assertEquals(0, submit.exitCode(), submit.out() + submit.err());

            try (ClusterConnection connection = new ClusterConnection(target)) {
                JobAudit.Report audit = JobAudit.of(connection, new DispatchKeys("tessera:"), job, request.recipe());
                assertTrue(audit.clean(), audit.toString());
                assertEquals(images.size(), audit.outputs(), audit.toString());
                FileSystem fs = connection.fileSystem();
                // 3 replicas each; a write whose pipeline lost a slow DataNode closes with 2 (best effort) and the NameNode
                // adds the third within seconds
                long replicated = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                for (FileStatus output : fs.listStatus(new org.apache.hadoop.fs.Path(request.output()))) {
                    while (fs.getFileBlockLocations(output, 0, output.getLen())[0].getHosts().length < 3 && System.nanoTime() < replicated) {
                        Thread.sleep(500);
                    }
                    assertEquals(3, fs.getFileBlockLocations(output, 0, output.getLen())[0].getHosts().length, output.getPath() + " on 3 DataNodes");
                }
                aFaultMidJobLosesNothing("dn2-killed", sim, tmp, connection, dir -> assertTrue(Sim.kill(dir, "dn2") >= 1));
                // the Sentinels promote redis2; workers, the submitter and its event follower follow the new primary
                aFaultMidJobLosesNothing("redis1-killed", sim, tmp, connection, dir -> assertTrue(Sim.kill(dir, "redis1") >= 1));
                // the ZooKeeper leader's host: the two others elect a new leader; the worker's session moves to one of them
                String leader = ((ZooKeeperFigures) HealthCheck.checkAll(target, Duration.ofSeconds(10)).get(ServiceKind.ZOOKEEPER).figures())
                        .members().stream().filter(m -> "leader".equals(m.mode())).findFirst().orElseThrow().address();
                String leaderHost = "zk" + (Integer.parseInt(leader.substring(leader.lastIndexOf('.') + 1, leader.indexOf(':'))) - 20);
                aFaultMidJobLosesNothing("zk-leader-killed", sim, tmp, connection, dir -> assertTrue(Sim.kill(dir, leaderHost) >= 1));
                // a worker host off the network for 5 s, then back (no CliRun in here: the submit holds CliRun's lock)
                aFaultMidJobLosesNothing("w1-cut", sim, tmp, connection, dir -> {
                    Sim.cut(dir, "w1");
                    assertFalse(Sim.status(dir).stream().filter(h -> h.host().name().equals("w1")).findFirst().orElseThrow().linkUp());
                    Thread.sleep(5_000);
                    Sim.restore(dir, "w1");
                });
                // a worker host off the network longer than its ZooKeeper session (15 s) and the tasks' visibility timeout
                // (60 s): w2 takes over what w1 held; w1, back, writes nothing twice and registers again
                WorkerDirectory workers = new WorkerDirectory(ZkAccess.of(connection));
                awaitWorkers(workers, 2);
                aFaultMidJobLosesNothing("w1-cut-long", sim, tmp, connection, dir -> {
                    Sim.cut(dir, "w1");
                    long gone = System.nanoTime() + Duration.ofSeconds(45).toNanos();
                    while (workers.liveIds().size() > 1) {
                        assertTrue(System.nanoTime() < gone, "w1's registration outlived its session: " + workers.liveIds());
                        Thread.sleep(500);
                    }
                    Thread.sleep(60_000); // past the visibility timeout: w1's tasks go to w2
                    Sim.restore(dir, "w1");
                });
                awaitWorkers(workers, 2);
                aCutLinkIsSeenAndRestored(sim);
            }
        } finally {
            CliRun down = CliRun.run(sim.home(), "sim", "down", "--dir", sim.dir().toString(), "--prefix", sim.prefix());
            assertEquals(0, down.exitCode(), down.out() + down.err());
        }
        assertNothingLeft(sim);
    }

    /** Until {@code count} workers are registered (a returning worker registers again after its session expired). */
    private static void awaitWorkers(WorkerDirectory workers, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (workers.liveIds().size() < count) {
            assertTrue(System.nanoTime() < deadline, "workers registered: " + workers.liveIds());
            Thread.sleep(500);
        }
    }

    /** The link primitive itself: a cut host is reported cut and unreachable, and reachable again once restored. */
    private static void aCutLinkIsSeenAndRestored(TestSim sim) throws Exception {
        String sent1 = sim.subnet() + ".41";
        assertTrue(reachable(sent1, 26379));
        Sim.cut(sim.dir(), "sent1");
        CliRun status = CliRun.run(sim.home(), "sim", "status", "--dir", sim.dir().toString(), "--no-check");
        assertEquals(2, status.exitCode(), "a host is cut (and others were killed): " + status.out());
        assertTrue(status.out().lines().anyMatch(line -> line.contains("sent1") && line.contains("link CUT")), status.out());
        assertFalse(reachable(sent1, 26379));
        Sim.restore(sim.dir(), "sent1");
        assertTrue(reachable(sent1, 26379));
        String after = CliRun.run(sim.home(), "sim", "status", "--dir", sim.dir().toString(), "--no-check").out();
        assertTrue(after.lines().anyMatch(line -> line.contains("sent1") && line.contains("link up")), after);
    }

    private static boolean reachable(String host, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(host, port), 2000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** A fault across hosts, done to the sim in its folder. */
    private interface Fault {
        void strike(Path dir) throws Exception;
    }

    /** #16 item 4: a fault strikes while a job runs; the job still ends with exactly one decodable output per input. */
    private static void aFaultMidJobLosesNothing(String name, TestSim sim, Path tmp, ClusterConnection connection, Fault fault) throws Exception {
        Path set = Files.createDirectories(tmp.resolve("set-" + name));
        for (int i = 0; i < 40; i++) {
            Files.write(set.resolve(String.format("p%02d.jpg", i)), TestImages.noisyJpeg(900, 700, i));
        }
        assertEquals(0, CliRun.run(sim.home(), "upload", "--profile", "sim", set.toString(), "/sim-it").exitCode());
        String job = "sim-it-" + name;
        JobRequest request = new JobRequest(job, "/sim-it/set-" + name, "/sim-it/out-" + name, Pipeline.parse(List.of("thumbnail:128"), null),
                Priority.NORMAL, new ShardLimits(1000, 0), 2);
        CompletableFuture<CliRun> submit = CompletableFuture.supplyAsync(() -> CliRun.run(sim.home(), "submit", "--profile", "sim", "--input", request.input(),
                "--output", request.output(), "--op", "thumbnail:128", "--batch", "2", "--job", job, "--wait", "--timeout-minutes", "5"));
        FileSystem fs = connection.fileSystem();
        org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(request.output());
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!fs.exists(out) || fs.listStatus(out).length < 2) {
            assertTrue(System.nanoTime() < deadline && !submit.isDone(), "the job wrote no output in 3 minutes");
            Thread.sleep(50);
        }
        fault.strike(sim.dir());
        CliRun finished = submit.get(5, TimeUnit.MINUTES);
        assertEquals(0, finished.exitCode(), finished.out() + finished.err());
        JobAudit.Report audit = JobAudit.of(connection, new DispatchKeys("tessera:"), job, request.recipe());
        assertTrue(audit.clean(), audit.toString());
        assertEquals(40, audit.outputs(), audit.toString());
    }

    /** `sim up` SIGKILLed while its daemons start: `sim down` still finds and removes everything. */
    @Test
    @Timeout(300)
    void downCleansUpAfterAnUpKilledHalfWay(@TempDir Path tmp) throws Exception {
        TestSim sim = TestSim.in(tmp, "tsimc", "10.79.0");
        try (JvmProcess up = JvmProcess.tessera(sim.home(), "sim", "up", "--workers", "1", "--dir", sim.dir().toString(), "--prefix", sim.prefix(), "--subnet", sim.subnet())) {
            up.awaitLine("starting 12 daemons", Duration.ofMinutes(2));
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (Sim.state(sim.dir()).map(s -> s.hosts().stream().mapToLong(h -> h.pids().size()).sum()).orElse(0L) < 8) {
                assertTrue(System.nanoTime() < deadline, "sim up did not start 8 daemons in a minute: " + up.output());
                Thread.sleep(100);
            }
            up.process().destroyForcibly().waitFor();
        }
        Leftovers left = Leftovers.find(sim.prefix(), sim.subnet());
        assertFalse(left.namespaces().isEmpty() || left.processes().isEmpty(), "the killed up left hosts and daemons behind: " + left);
        assertTrue(ProfileStore.inDirectories(AppDirectories.under(sim.home())).find("sim").isPresent());

        CliRun down = CliRun.run(sim.home(), "sim", "down", "--dir", sim.dir().toString());
        assertEquals(0, down.exitCode(), down.out() + down.err());
        assertTrue(down.out().contains("13 namespaces"), down.out());
        assertNothingLeft(sim);
    }

    private static void assertNothingLeft(TestSim sim) throws Exception {
        Leftovers left = Leftovers.find(sim.prefix(), sim.subnet());
        assertTrue(left.none(), left.toString());
        List<String> processes = ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains(sim.prefix() + "-") || line.contains(sim.dir().toString()) || line.contains("redis-server " + sim.subnet() + ".")).toList();
        assertEquals(List.of(), processes);
        assertFalse(Files.exists(SimState.file(sim.dir())));
        assertTrue(ProfileStore.inDirectories(AppDirectories.under(sim.home())).find("sim").isEmpty(), "the sim's profile is removed");
    }
}
