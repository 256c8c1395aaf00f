package io.tessera.engine.dispatch.ceiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny run of the ceiling benchmark on its own redis-server: every contender's run is measured with the server's CPU
 * time and command statistics. BullMQ joins only where packaging/bench/bullmq is installed (node and npm present);
 * without it the run goes on without the baseline, as the bench does.
 */
class CeilingBenchmarkIT {
    private static final Path BULLMQ = Path.of("packaging/bench/bullmq");

    @Test
    void eachContenderIsMeasuredByRedisCpuAndCommandStats(@TempDir Path scratch) throws Exception {
        boolean bullmq = Files.isDirectory(BULLMQ.resolve("node_modules").resolve("bullmq"));
        Path bullmqDir = bullmq ? BULLMQ.toAbsolutePath() : scratch.resolve("no-bullmq");
        List<String> log = new ArrayList<>();
        CeilingReport report = CeilingBenchmark.run(new CeilingBenchmark.Settings(400, 1, 2, List.of(1, 4), bullmqDir, 8, scratch), log::add);

        assertEquals(bullmq ? 3 : 2, report.contenders().size(), log.toString());
        assertEquals(report.contenders().size(), report.measurements().size(), "one measurement per contender and round");
        for (Measurement m : report.measurements()) {
            assertTrue(m.usage().cpuSeconds() > 0, "Redis CPU time was read: " + m);
            assertTrue(m.tasksPerSecond() > 0 && m.tasksPerRedisSecond() > 0, m.toString());
            assertTrue(m.usage().commands().containsKey("evalsha"), "scripts ran: " + m.usage().commands().keySet());
        }
        Measurement fours = report.measurements().stream().filter(m -> m.contender().imagesPerTask() == 4).findFirst().orElseThrow();
        assertEquals(100, fours.tasks(), "tasks of several images run a quarter as many tasks");
        assertEquals(4 * fours.tasksPerRedisSecond(), fours.imagesPerRedisSecond(), 1e-6);
        Measurement ones = report.measurements().stream().filter(m -> m.contender().equals(Contender.tessera(1))).findFirst().orElseThrow();
        assertTrue(ones.usage().commands().get("xreadgroup").calls() > 0, "the consumer read its tasks");
        String table = report.table();
        assertTrue(table.contains("Tessera, 1 image per task") && table.contains("Tessera, 4 images per task"), table);
        if (bullmq) {
            assertTrue(table.contains("BullMQ, no-op jobs"), table);
            assertTrue(report.ratioToBullmq(Contender.tessera(1)) > 0, table);
        } else {
            assertTrue(log.stream().anyMatch(l -> l.startsWith("BullMQ baseline left out")), log.toString());
        }
    }
}
