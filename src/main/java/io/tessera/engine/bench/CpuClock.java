package io.tessera.engine.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time of this process and its children (a benchmark's embedded Redis, the vipsthumbnail processes it waited
 * for), for the CPU a contender spent per image; and the JIT compiler's and the collector's time, which a job's
 * first thousands of images pay for the storage and dispatch code they run. Linux only ({@code /proc}); elsewhere
 * the process CPU figure is -1.
 */
public final class CpuClock {
    /** Clock ticks per second of {@code /proc/self/stat}'s times (USER_HZ: 100 on Linux wherever it runs). */
    private static final long TICKS_PER_SECOND = 100;
    private static final Path STAT = Path.of("/proc/self/stat");

    private CpuClock() {}

    /** A moment's readings: process tree CPU, JIT compiling time and collection time so far, in nanoseconds. */
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
        long gc = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, collector.getCollectionTime());
        }
        var compiler = ManagementFactory.getCompilationMXBean();
        long jit = compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : 0;
        return new Reading(processTree(), jit * 1_000_000, gc * 1_000_000);
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
