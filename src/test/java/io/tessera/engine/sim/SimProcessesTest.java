package io.tessera.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A killed sim daemon counts as ended though its parent is PID 1. Where PID 1 does not reap orphans (this machine's
 * init reaps them only every second or two) it stays a zombie meanwhile, which {@link ProcessHandle#isAlive} calls
 * alive: `sim status` showed a killed host as up, and `sim kill` waited for the reaper.
 */
class SimProcessesTest {

    @Test
    void aKilledOrphanIsNotRunningAndKillDoesNotWaitForItsZombie() throws Exception {
        long pid = orphan();
        try {
            assertTrue(SimProcesses.running(pid), "the orphan runs");
            long start = System.nanoTime();
            assertEquals(1, SimProcesses.kill(Set.of(pid)));
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertFalse(SimProcesses.running(pid), "killed: gone, or a zombie nobody reaps");
            // a zombie ends when PID 1 reaps it: here 1-2 s after the kill, meanwhile counted as alive before
            assertTrue(waitedMs < 1_000, "kill waited " + waitedMs + " ms for a process already dead");
            assertEquals(0, SimProcesses.kill(Set.of(pid)), "nothing left to kill");
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aProcessThatEndsIsAwaitedAndOneThatRunsIsNot() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            assertFalse(SimProcesses.awaitEnd(sleeper.toHandle(), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200)));
            sleeper.destroy();
            assertTrue(SimProcesses.awaitEnd(sleeper.toHandle(), System.nanoTime() + TimeUnit.SECONDS.toNanos(5)));
        } finally {
            sleeper.destroyForcibly();
        }
    }

    /** A `sleep` whose parent shell has exited, so that it belongs to PID 1 like a daemon `sim up` started. */
    private static long orphan() throws Exception {
        Process shell = new ProcessBuilder("setsid", "bash", "-c", "sleep 300 >/dev/null 2>&1 & echo $!").start();
        String pid = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, shell.waitFor());
        long orphan = Long.parseLong(pid);
        assertTrue(ProcessHandle.of(orphan).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L) != ProcessHandle.current().pid());
        return orphan;
    }
}
