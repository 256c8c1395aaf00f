package io.tessera.engine.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time of this process and its children (a benchmark's embedded Redis, the vipsthumbnail processes it waited
 * for), for the CPU a contender spent per image; and of it, the CPU of the JIT compiler's threads and of the garbage
 * collector's (G1) threads: a job's first thousands of images pay for compiling the storage and dispatch code they run.
 * Linux only ({@code /proc}); elsewhere the figures are -1 and 0.
 */
public final class CpuClock {
    /** Clock ticks per second of {@code /proc/self/stat}'s times (USER_HZ: 100 on Linux wherever it runs). */
    private static final long TICKS_PER_SECOND = 100;
    private static final Path STAT = Path.of("/proc/self/stat");
    private static final Path TASKS = Path.of("/proc/self/task");

    private CpuClock() {}

    /** A moment's readings: CPU of the process tree, of the JIT compiler threads and of the GC threads so far, in nanoseconds. */
    public record Reading(long cpuNanos, long jitNanos, long gcNanos) {
        public Reading since(Reading earlier) {
            return new Reading(cpuNanos - earlier.cpuNanos, jitNanos - earlier.jitNanos, gcNanos - earlier.gcNanos);
        }

        public Reading plus(Reading other) {
            return new Reading(cpuNanos + other.cpuNanos, jitNanos + other.jitNanos, gcNanos + other.gcNanos);
        }
    }

    public static final Reading ZERO = new Reading(0, 0, 0);

    public static Reading now() {
        long jit = 0;
        long gc = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(TASKS)) {
            for (Path thread : threads) {
                String name = readOr(thread.resolve("comm"), "");
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += threadCpu(thread);
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                    gc += threadCpu(thread);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no split
        }
        return new Reading(processTree(), jit, gc);
    }

    /** A thread's user + system CPU from its {@code stat}; 0 once it has gone. */
    private static long threadCpu(Path thread) {
        String stat = readOr(thread.resolve("stat"), "");
        if (stat.isEmpty()) {
            return 0;
        }
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * (1_000_000_000 / TICKS_PER_SECOND);
    }

    private static String readOr(Path file, String otherwise) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return otherwise;
        }
    }

    /** This process (user + system), the children it has waited for, and the children still running. */
    static long processTree() {
        try {
            String stat = Files.readString(STAT);
            // fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            long running = ProcessHandle.current().descendants().mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
            return ticks * (1_000_000_000 / TICKS_PER_SECOND) + running;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
