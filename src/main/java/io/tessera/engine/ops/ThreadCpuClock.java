package io.tessera.engine.ops;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Optional;

/**
 * CPU time of the running thread, also on a virtual thread, where {@link ThreadMXBean#getCurrentThreadCpuTime()} answers -1:
 * there it is the CPU time of the carrier (OS) thread, through POSIX {@code clock_gettime(CLOCK_THREAD_CPUTIME_ID)}; a
 * virtual thread that computes without blocking stays on its carrier, so the carrier's clock counts its work. Where neither
 * is available, the wall clock (a busy machine then gives less CPU than asked).
 */
final class ThreadCpuClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Optional<MethodHandle> CLOCK_GETTIME = clockGettime();
    /** CLOCK_THREAD_CPUTIME_ID: 3 on Linux, 16 on macOS. */
    private static final int THREAD_CPU = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac") ? 16 : 3;

    private ThreadCpuClock() {}

    /** Nanoseconds of a clock that advances only while this thread (or its carrier) runs; compare readings of one thread only. */
    static long nanos() {
        long mx = THREADS.getCurrentThreadCpuTime();
        if (mx >= 0) {
            return mx;
        }
        if (CLOCK_GETTIME.isPresent()) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment timespec = arena.allocate(16);
                if ((int) CLOCK_GETTIME.get().invokeExact(THREAD_CPU, timespec) == 0) {
                    return timespec.get(JAVA_LONG, 0) * 1_000_000_000L + timespec.get(JAVA_LONG, 8);
                }
            } catch (Throwable e) {
                // fall through to the wall clock
            }
        }
        return System.nanoTime();
    }

    private static Optional<MethodHandle> clockGettime() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return Optional.empty();
        }
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("clock_gettime")
                    .map(symbol -> linker.downcallHandle(symbol, FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS)));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // no native access granted: the wall clock
        }
    }
}
