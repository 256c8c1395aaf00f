package io.tessera.engine.sim.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.chaos.JobAudit;
import io.tessera.engine.sim.scale.ServerTexts.CommandStat;
import io.tessera.engine.sim.scale.ServerTexts.MachineTicks;
import io.tessera.engine.sim.scale.ServerTexts.RedisCpu;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure parts of `tessera bench scale`: the schedule, the figures, the servers' texts, the report and the chart. */
class ScaleBenchmarkPartsTest {

    @Test
    void roundsGoUpAndDownTheHostCountsInTurn() {
        List<RoundSchedule.Slot> slots = RoundSchedule.of(List.of(4, 1, 16, 2, 8), 3);
        assertEquals(List.of(1, 2, 4, 8, 16, 16, 8, 4, 2, 1, 1, 2, 4, 8, 16), slots.stream().map(RoundSchedule.Slot::hosts).toList());
        assertEquals(List.of(0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2), slots.stream().map(RoundSchedule.Slot::round).toList());
        assertEquals(List.of(1, 2, 4), RoundSchedule.parseHosts(" 4,1 ,2,2"));
        assertThrows(IllegalArgumentException.class, () -> RoundSchedule.parseHosts("1,two"));
        assertThrows(IllegalArgumentException.class, () -> RoundSchedule.parseHosts("0,1"));
        assertThrows(IllegalArgumentException.class, () -> RoundSchedule.of(List.of(1), 0));
    }

    @Test
    void steadyThroughputIsTheMiddleEightyPercentOfCompletionsOverTheirTime() {
        // 2 threads finishing an image every 500 ms each from t=500: 4 images/s, whatever the ramp and the tail
        List<Long> done = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            done.add(1000L + 500L * i);
            done.add(1000L + 500L * i + 3);
        }
        done.add(60_000L); // a straggler in the tail does not move it
        Throughput t = Throughput.of(41, 20.0, done);
        assertEquals(41 / 20.0, t.wholePerSecond(), 1e-9);
        assertEquals(4.0, t.steadyPerSecond(), 0.35);
        assertTrue(Double.isNaN(Throughput.of(3, 1, List.of(1L, 2L, 3L)).steadyPerSecond()));
        assertTrue(Double.isNaN(Throughput.of(6, 1, List.of(5L, 5L, 5L, 5L, 5L, 5L)).steadyPerSecond()));
    }

    @Test
    void redisInfoCommandstatsMntrJmxAndProcStatAreRead() throws Exception {
        String cpu = "# CPU\r\nused_cpu_sys:1.500000\r\nused_cpu_user:2.250000\r\nused_cpu_sys_children:0.0\r\nused_cpu_sys_main_thread:1.0\r\n"
                + "used_cpu_user_main_thread:2.0\r\n";
        assertEquals(new RedisCpu(3.75, 3.0), ServerTexts.redisCpu(cpu));
        assertEquals(new RedisCpu(1.0, 1.0), ServerTexts.redisCpu("used_cpu_sys:0.5\nused_cpu_user:0.5\n"));
        Map<String, CommandStat> stats = ServerTexts.commandStats("# Commandstats\r\ncmdstat_xadd:calls=120,usec=3400,usec_per_call=28.33,rejected_calls=0,"
                + "failed_calls=0\r\ncmdstat_evalsha:calls=7,usec=900,usec_per_call=128.57,rejected_calls=0,failed_calls=1\r\n");
        assertEquals(Map.of("xadd", new CommandStat(120, 3400), "evalsha", new CommandStat(7, 900)), stats);
        Map<String, String> mntr = ServerTexts.mntr("zk_version\t3.9.3-abc\nzk_packets_received\t12345\nzk_server_state\tleader\n");
        assertEquals("12345", mntr.get("zk_packets_received"));
        String jmx = """
                {"beans":[{"name":"Hadoop:service=NameNode,name=RpcActivityForPort8020","modelerType":"x","RpcProcessingTimeNumOps":4242,
                "RpcProcessingTimeAvgTime":0.25,"tag.port":"8020"}, {"name":"Hadoop:service=NameNode,name=NameNodeActivity","CreateFileOps":40,
                "FilesRenamed":40}]}""";
        Map<String, Double> nn = ServerTexts.jmxNumbers(jmx);
        assertEquals(4242.0, nn.get("RpcProcessingTimeNumOps"));
        assertEquals(40.0, nn.get("FilesRenamed"));
        assertTrue(!nn.containsKey("tag.port") && !nn.containsKey("name"));
        MachineTicks ticks = ServerTexts.procStat("cpu  100 5 50 800 40 3 2 0 0 0\ncpu0 50 2 25 400 20 1 1 0 0 0\nintr 1\n");
        assertEquals(new MachineTicks(160, 1000), ticks);
        assertThrows(IllegalArgumentException.class, () -> ServerTexts.procStat("intr 1\n"));
    }

    @Test
    void loadPerImageIsTheDifferenceOfTwoSamplesOverTheImages() {
        LoadSample before = new LoadSample(0, new MachineTicks(100, 1000), new RedisCpu(10, 8),
                Map.of("xadd", new CommandStat(100, 0), "evalsha", new CommandStat(50, 0)), Map.of("RpcProcessingTimeNumOps", 1000.0, "FilesRenamed", 5.0),
                300, Map.of("worker", 4.0, "redis_primary", 1.0));
        LoadSample after = new LoadSample(10_000_000_000L, new MachineTicks(1100, 3000), new RedisCpu(12, 9.5),
                Map.of("xadd", new CommandStat(300, 0), "evalsha", new CommandStat(150, 0), "hgetall", new CommandStat(1, 0)),
                Map.of("RpcProcessingTimeNumOps", 1800.0, "FilesRenamed", 105.0), 700, Map.of("worker", 14.0, "redis_primary", 3.0));
        JobLoad load = JobLoad.between(before, after, 100);
        assertEquals(0.5, load.machineBusy(), 1e-9);
        assertEquals(20.0, load.redisCpuMsPerImage(), 1e-9);
        assertEquals(0.2, load.redisCores(), 1e-9);
        assertEquals(0.15, load.redisMainCores(), 1e-9);
        assertEquals(Map.of("xadd", 2.0, "evalsha", 1.0, "hgetall", 0.01), load.redisCallsPerImage());
        assertEquals(8.0, load.nameNodeRpcPerImage(), 1e-9);
        assertEquals(1.0, load.nameNodeOpsPerImage().get("FilesRenamed"), 1e-9);
        assertEquals(4.0, load.zooKeeperPacketsPerImage(), 1e-9);
        assertEquals(1.0, load.roleCores().get("worker"), 1e-9);
        assertEquals(0.2, load.roleCores().get("redis_primary"), 1e-9);
    }

    @Test
    void pointsAreMediansAgainstTheIdealAndTheReportNamesWhatSaturated(@TempDir Path tmp) throws Exception {
        List<ScaleJob.Run> runs = new ArrayList<>();
        // 1 host: 10, 11, 9 images/s -> median 10; 2 hosts: 19, 20, 18 -> 19 (0.95); 4 hosts: 28 -> 0.7 with the machine at 97 %
        double[][] figures = {{1, 10, 0.2}, {1, 11, 0.2}, {1, 9, 0.2}, {2, 19, 0.5}, {2, 20, 0.5}, {2, 18, 0.5}, {4, 28, 0.97}, {4, 30, 0.97}, {4, 26, 0.97}};
        for (double[] f : figures) {
            runs.add(run("sleep:ms=50", (int) f[0], f[1], f[2]));
        }
        List<ScalePoint> points = ScalePoint.of(runs);
        assertEquals(List.of(1, 2, 4), points.stream().map(ScalePoint::hosts).toList());
        assertEquals(3, points.getFirst().rounds());
        assertEquals(10.0, points.get(0).steady(), 1e-9);
        assertEquals(1.0, points.get(0).efficiency(), 1e-9);
        assertEquals(20.0, points.get(1).idealSteady(), 1e-9);
        assertEquals(0.95, points.get(1).efficiency(), 1e-9);
        assertEquals(0.7, points.get(2).efficiency(), 1e-9);
        List<String> saturation = ScaleReport.saturation(points, 2);
        assertEquals(1, saturation.size());
        assertTrue(saturation.getFirst().startsWith("sleep:ms=50: at least 0.9 of the ideal up to 2 hosts; bends at 4 hosts (0.70 of the ideal): "
                + "the machine's CPU saturated first (97 % of its 2 cores busy)"), saturation.getFirst());
        String table = ScaleReport.table(points);
        assertEquals(2 + 3, table.lines().count(), table);
        assertTrue(table.contains("| `sleep:ms=50` | 2 | 200 | 19.0 | 20.0 | 0.95 |"), table);

        // a Redis-bound point is named as such; a straight curve says so
        List<ScalePoint> redisBound = ScalePoint.of(List.of(run("spin:ms=5", 1, 100, 0.3), withRedis(run("spin:ms=5", 2, 120, 0.5), 0.95)));
        assertTrue(ScaleReport.saturation(redisBound, 2).getFirst().contains("the Redis primary saturated first (its main thread 0.95 of a core)"));
        List<ScalePoint> straight = ScalePoint.of(List.of(run("sleep:ms=500", 1, 4, 0.1), run("sleep:ms=500", 2, 8, 0.1)));
        assertTrue(ScaleReport.saturation(straight, 2).getFirst().startsWith("sleep:ms=500: at least 0.9 of the ideal up to 2 hosts (1.00 there)"));

        Path png = tmp.resolve("docs/scaling.png");
        List<ScalePoint> both = new ArrayList<>(points);
        both.addAll(straight);
        ScaleChart.write(both, png, 900, 560, "test");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(900, image.getWidth());
        assertEquals(560, image.getHeight());
        assertTrue(Files.size(png) > 5_000, "a chart with lines and labels, not a blank image: " + Files.size(png));
    }

    @Test
    void optionsNeedAKnownCostOrImagesPerHost() {
        ScaleOptions sleep = new ScaleOptions(List.of(1, 2), 1, List.of("sleep:ms=500", "spin:ms=20"), null, 15, 2, 0, 64, true, Duration.ofMinutes(1));
        assertEquals(60, sleep.imagesPerHost("sleep:ms=500"));
        assertEquals(1500, sleep.imagesPerHost("spin:ms=20"));
        assertEquals(3, sleep.batchFor(60));
        assertEquals(20, sleep.batchFor(1500));
        assertEquals(1, sleep.batchFor(4));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new ScaleOptions(List.of(1), 1, List.of("thumbnail:64"), null, 15, 2, 0, 64, true, Duration.ofMinutes(1)));
        assertTrue(unknown.getMessage().contains("--images-per-host"), unknown.getMessage());
        assertEquals(7, new ScaleOptions(List.of(1), 1, List.of("thumbnail:64"), 7, 15, 2, 0, 64, true, Duration.ofMinutes(1)).imagesPerHost("thumbnail:64"));
        assertEquals(ScaleInputs.folders("/b/in", List.of(1, 2, 4)), Map.of(4, "/b/in/h4", 2, "/b/in/h4/h2", 1, "/b/in/h4/h2/h1"));
    }

    private static ScaleJob.Run run(String op, int hosts, double steady, double machineBusy) {
        long images = 100L * hosts;
        Throughput t = new Throughput(images, images / (steady * 0.9), steady * 0.9, steady);
        JobLoad load = new JobLoad(machineBusy, 0.5, 0.1, 0.08, Map.of("evalsha", 1.0), 6.0, Map.of("FilesRenamed", 1.0), 0.2, Map.of("worker", 1.0));
        return new ScaleJob.Run(op, hosts, 0, t, 0, load, new JobAudit.Report((int) images, (int) images, 0, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of()));
    }

    private static ScaleJob.Run withRedis(ScaleJob.Run r, double mainCores) {
        JobLoad l = r.load();
        return new ScaleJob.Run(r.op(), r.hosts(), r.round(), r.throughput(), r.failed(), new JobLoad(l.machineBusy(), l.redisCpuMsPerImage(), mainCores,
                mainCores, l.redisCallsPerImage(), l.nameNodeRpcPerImage(), l.nameNodeOpsPerImage(), l.zooKeeperPacketsPerImage(), l.roleCores()), r.audit());
    }
}
