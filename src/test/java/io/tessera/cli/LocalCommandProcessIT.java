package io.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.cluster.EmbeddedCluster;
import io.tessera.testing.JvmProcess;
import io.tessera.testing.LogErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tessera local` as a real process: a clean stop on SIGTERM, and no Redis left behind after kill -9. */
class LocalCommandProcessIT {
    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path home;

    @Test
    void sigtermStopsTheClusterCleanlyAndKillNineLeavesNoRedisBehind() throws Exception {
        Path clusterDir = AppDirectories.under(home).localCluster();
        long firstRedis;
        try (JvmProcess local = JvmProcess.tessera(home, "local")) {
            local.awaitLine("Local cluster up", START);
            assertTrue(local.awaitLine("Redis", Duration.ofSeconds(5)).contains("redis://127.0.0.1:"));
            assertTrue(Files.exists(EmbeddedCluster.endpointsFile(clusterDir)));
            firstRedis = redisPid(clusterDir);
            local.process().destroy(); // SIGTERM
            assertTrue(local.process().waitFor(30, TimeUnit.SECONDS), "tessera local did not stop on SIGTERM");
            assertEquals(143, local.process().exitValue(), "SIGTERM's status");
            // stopped while the JVM runs as usual: from a shutdown hook, the DataNode's heartbeat thread died on Hadoop's
            // "Shutdown in progress, cannot remove a shutdownHook"
            assertEquals(List.of(), LogErrors.in(home.resolve("logs/tessera.log")), "errors in the log");
            assertFalse(Files.exists(EmbeddedCluster.endpointsFile(clusterDir)), "endpoints file left after a clean stop");
            assertTrue(exitsWithin(firstRedis, Duration.ofSeconds(5)), "redis-server still running after SIGTERM");
        }

        try (JvmProcess local = JvmProcess.tessera(home, "local")) {
            local.awaitLine("Local cluster up", START);
            long redis = redisPid(clusterDir);
            local.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(local.process().waitFor(10, TimeUnit.SECONDS));
            assertTrue(exitsWithin(redis, Duration.ofSeconds(5)), "redis-server outlived its killed parent");
        }

        // The same folder starts again at once, whatever the kill left on disk.
        try (JvmProcess local = JvmProcess.tessera(home, "local")) {
            local.awaitLine("Local cluster up", START);
            local.process().destroy();
            assertEquals(true, local.process().waitFor(30, TimeUnit.SECONDS));
        }
    }

    private static long redisPid(Path clusterDir) throws Exception {
        return Long.parseLong(Files.readString(clusterDir.resolve("redis/redis.pid")).strip());
    }

    private static boolean exitsWithin(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty() || !process.get().isAlive()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
