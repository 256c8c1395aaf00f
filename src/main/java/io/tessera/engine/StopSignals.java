package io.tessera.engine;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM as an orderly stop that runs before the JVM begins to shut down. A stop from a shutdown
 * hook races the other hooks: Hadoop's marks its hook manager as shutting down, so a DataNode stopped then ends its
 * heartbeat thread on "Shutdown in progress, cannot remove a shutdownHook"; JavaFX's stops its renderer under a
 * window still painting. The first signal runs the stop; a second one ends the JVM at once (its hooks still run, so a
 * process keeps a hook as the last resort). A signal the process was started ignoring stays ignored (the JVM does not
 * take it over), as SIGINT is for a background job of a non-interactive shell.
 */
public final class StopSignals {
    private static final List<String> NAMES = List.of("INT", "TERM");

    private StopSignals() {}

    /** Whether the JVM has begun running its shutdown hooks: from that moment it refuses a new one. */
    public static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shutdownInProgress) {
            return true;
        }
    }

    /** The exit status of a process ended by signal {@code number}, as shells report it (SIGTERM: 143). */
    public static int exitStatus(int number) {
        return 128 + number;
    }

    /**
     * Runs {@code stop}, given the signal's exit status, on the first SIGINT or SIGTERM, on a thread of its own. Where
     * the JVM keeps these signals (-Xrs, or an OS without them) nothing changes: the shutdown hooks are the way to stop.
     */
    public static void onFirst(IntConsumer stop) {
        AtomicBoolean stopping = new AtomicBoolean();
        SignalHandler handler = signal -> {
            int status = exitStatus(signal.getNumber());
            if (stopping.compareAndSet(false, true)) {
                stop.accept(status);
            } else {
                Runtime.getRuntime().exit(status);
            }
        };
        try {
            for (String name : NAMES) {
                Signal.handle(new Signal(name), handler);
            }
        } catch (IllegalArgumentException keptByTheJvm) {
            // the shutdown hooks stop the process
        }
    }
}
