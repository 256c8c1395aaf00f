package io.tessera.engine.chaos;

import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.membership.WorkerDirectory;
import io.tessera.engine.membership.WorkerInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The benchmark's worker processes: started through a {@link WorkerLauncher}, known as up once they are
 * registered in ZooKeeper (by host and pid), killed with SIGKILL one at a time, replaced, and at the end
 * stopped with SIGTERM (a worker drains on it).
 */
final class ChaosWorkers implements AutoCloseable {
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final WorkerLauncher launcher;
    private final WorkerDirectory directory;
    private final DispatchKeys keys;
    private final ChaosOptions options;
    private final String host = WorkerInfo.thisProcess(1).host();
    private final List<Process> running = new CopyOnWriteArrayList<>();
    /** Ctrl-C on the benchmark must not leave worker JVMs behind. */
    private final Thread killOnExit = new Thread(() -> running.forEach(Process::destroyForcibly), "chaos-workers-kill");
    private int started;

    ChaosWorkers(WorkerLauncher launcher, WorkerDirectory directory, DispatchKeys keys, ChaosOptions options) {
        this.launcher = launcher;
        this.directory = directory;
        this.keys = keys;
        this.options = options;
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    Process start() throws IOException {
        Process process = launcher.start(++started, keys, options.threads(), options.visibilityTimeout());
        running.add(process);
        return process;
    }

    int started() {
        return started;
    }

    /** True when every process is alive and registered (a worker just started is not, for a few seconds). */
    boolean allUp() throws IOException {
        Set<Long> registered = directory.workers().stream().filter(w -> host.equals(w.host())).map(WorkerInfo::pid).collect(Collectors.toSet());
        return running.size() == options.workers() && running.stream().allMatch(p -> p.isAlive() && registered.contains(p.pid()));
    }

    /** SIGKILLs one of the running workers at random, waits until it is gone, and returns it. */
    Process killOne(Random random) throws InterruptedException {
        Process victim = running.remove(random.nextInt(running.size()));
        victim.destroyForcibly();
        victim.waitFor();
        return victim;
    }

    /** A worker that ended without being killed (e.g. it could not connect), taken off the list. */
    Optional<Process> exitedByItself() {
        Optional<Process> gone = running.stream().filter(p -> !p.isAlive()).findFirst();
        gone.ifPresent(running::remove);
        return gone;
    }

    /** SIGTERM to all (each drains its images at hand and leaves membership), SIGKILL after 30 s. */
    @Override
    public void close() {
        running.forEach(Process::destroy);
        long deadline = System.nanoTime() + DRAIN.toNanos();
        for (Process process : running) {
            try {
                if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException exiting) {
            // the JVM is shutting down already; the hook runs or ran
        }
    }
}
