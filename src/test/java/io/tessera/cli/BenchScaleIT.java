package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ProfileResolver;
import io.tessera.engine.membership.WorkerDirectory;
import io.tessera.engine.profile.ProfileStore;
import io.tessera.engine.sim.Leftovers;
import io.tessera.engine.sim.SimState;
import io.tessera.engine.zk.ZkAccess;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tessera bench scale` on a real sim of 2 worker hosts (root only, and only with -Dtessera.sim=true like SimCommandIT): hosts
 * 1 and 2, one small job each, every output read back. Its own prefix and subnet (SimCommandIT has tsimt/10.78.0 and
 * tsimc/10.79.0), so it never touches another sim.
 */
@EnabledIf("io.tessera.engine.sim.Sim#available")
class BenchScaleIT {
    private static final String PREFIX = "tscit";
    private static final String SUBNET = "10.80.0";

    @Test
    @EnabledIfSystemProperty(named = "tessera.sim", matches = "true")
    @Timeout(900)
    void aScalingRunOverOneAndTwoHostsReportsBothPointsWithEveryOutputDecodedAndLeavesNothing(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("home");
        Path dir = tmp.resolve("sim");
        Path chart = tmp.resolve("docs/scaling.png");
        try {
            CliRun up = CliRun.run(home, "sim", "up", "--workers", "2", "--dir", dir.toString(), "--prefix", PREFIX, "--subnet", SUBNET);
            assertEquals(0, up.exitCode(), up.out() + up.err());

            CliRun bench = CliRun.run(home, "bench", "scale", "--dir", dir.toString(), "--hosts", "1,2", "--op", "sleep:ms=100", "--images-per-host", "24",
                    "--rounds", "1", "--chart", chart.toString(), "--chart-size", "800x500");
            String out = bench.out() + bench.err();
            assertEquals(0, bench.exitCode(), out);
            // each job's outputs were all read back and decoded (exit 1 and PROBLEM lines otherwise)
            assertEquals(2, out.lines().filter(line -> line.contains("sleep:ms=100") && line.contains("outputs all decoded")).count(), out);
            assertFalse(out.contains("PROBLEM"), out);
            List<String[]> rows = out.lines().filter(line -> line.startsWith("| `sleep:ms=100` |")).map(line -> line.split("\\|")).toList();
            assertEquals(List.of("1", "2"), rows.stream().map(cells -> cells[2].strip()).toList(), out);
            for (String[] cells : rows) {
                assertEquals(24 * Integer.parseInt(cells[2].strip()), Integer.parseInt(cells[3].strip()), "images per job: " + String.join("|", cells));
                double efficiency = Double.parseDouble(cells[6].strip());
                assertTrue(efficiency > 0 && efficiency <= 1.5, "efficiency " + efficiency + " in " + out);
                assertTrue(Double.parseDouble(cells[4].strip()) > 0, "steady images/s: " + String.join("|", cells));
            }
            assertTrue(out.contains("load average at start") && out.contains("load average at end"), out);
            assertTrue(out.lines().anyMatch(line -> line.startsWith("sleep:ms=100: ")), "where the curve bends, or that it does not: " + out);

            BufferedImage png = ImageIO.read(chart.toFile());
            assertEquals(800, png.getWidth());
            assertEquals(500, png.getHeight());

            // the bench stopped w2 for the 1-host job and started it again: both worker hosts serve again afterwards
            var profile = ProfileStore.inDirectories(AppDirectories.under(home)).find("sim").orElseThrow();
            try (ClusterConnection connection = new ClusterConnection(ProfileResolver.inDirectories(AppDirectories.under(home)).resolve(profile))) {
                WorkerDirectory directory = new WorkerDirectory(ZkAccess.of(connection));
                assertEquals(List.of(PREFIX + "-w1", PREFIX + "-w2"), directory.workers().stream().map(w -> w.host()).sorted().toList());

                // the same by hand: `sim worker stop` drains w2 and it leaves; `start` brings it back registered
                CliRun stop = CliRun.run(home, "sim", "worker", "stop", "w2", "--dir", dir.toString());
                assertEquals(0, stop.exitCode(), stop.out() + stop.err());
                assertTrue(stop.out().contains("Stopped the worker on w2 (drained)."), stop.out());
                assertEquals(List.of(PREFIX + "-w1"), directory.workers().stream().map(w -> w.host()).toList());
                CliRun start = CliRun.run(home, "sim", "worker", "start", "w2", "--dir", dir.toString());
                assertEquals(0, start.exitCode(), start.out() + start.err());
                assertTrue(start.out().contains("it is registered"), start.out());
                assertEquals(List.of(PREFIX + "-w1", PREFIX + "-w2"), directory.workers().stream().map(w -> w.host()).sorted().toList());
                CliRun notAWorker = CliRun.run(home, "sim", "worker", "start", "dn1", "--dir", dir.toString());
                assertEquals(1, notAWorker.exitCode(), notAWorker.out() + notAWorker.err());
                assertTrue(notAWorker.err().contains("dn1 is not a worker host"), notAWorker.err());
            }
        } finally {
            CliRun down = CliRun.run(home, "sim", "down", "--dir", dir.toString(), "--prefix", PREFIX);
            assertEquals(0, down.exitCode(), down.out() + down.err());
        }
        Leftovers left = Leftovers.find(PREFIX, SUBNET);
        assertTrue(left.none(), left.toString());
        assertEquals(List.of(), ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains(PREFIX + "-") || line.contains(dir.toString()) || line.contains("redis-server " + SUBNET + ".")).toList());
        assertFalse(Files.exists(SimState.file(dir)));
    }
}
