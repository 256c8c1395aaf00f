package io.tessera.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.testing.JvmProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to a real JVM: the first runs the stop while the JVM runs as usual; a second ends it, its hooks run. */
class StopSignalsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theFirstSignalStopsBeforeTheJvmShutsDownAndASecondEndsIt(@TempDir Path home) throws Exception {
        try (JvmProcess child = JvmProcess.main(home, List.of("-Xmx64m"), SlowToStop.class.getName())) {
            child.awaitLine("ready", WAIT);
            term(child);
            child.awaitLine("stopping with status 143; the JVM shuts down: false", WAIT);
            assertTrue(child.process().isAlive(), "a stop under way keeps the JVM up");

            term(child);
            assertTrue(child.process().waitFor(30, TimeUnit.SECONDS), "a second SIGTERM ends the JVM");
            assertEquals(143, child.process().exitValue());
            child.awaitLine("shutdown hook ran; the JVM shuts down: true", WAIT);
        }
    }

    private static void term(JvmProcess child) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(child.process().pid())).start().waitFor());
    }

    /** A child JVM's main whose stop never ends (a drain that hangs). */
    static final class SlowToStop {
        public static void main(String[] args) throws InterruptedException {
            StopSignals.onFirst(status -> {
                System.out.println("stopping with status " + status + "; the JVM shuts down: " + StopSignals.jvmShuttingDown());
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran; the JVM shuts down: "
                    + StopSignals.jvmShuttingDown())));
            System.out.println("ready");
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
