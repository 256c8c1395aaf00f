package io.tessera.engine.sim;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.ProfileResolver;
import io.tessera.engine.membership.WorkerDirectory;
import io.tessera.engine.profile.ProfileStore;
import io.tessera.engine.sim.SimHost.Role;
import io.tessera.engine.zk.ZkAccess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A worker host's {@code tessera worker} stopped and started again, as an operator stops a machine's service: SIGTERM lets
 * the worker drain (the images at hand finish and are acknowledged, then it leaves membership); a start runs the very
 * command line {@code sim up} gave it (recorded in the state) and waits until that process is registered in ZooKeeper.
 */
final class SimWorkers {
    private SimWorkers() {}

    static Sim.Stopped stop(SimState state, SimHost host, Duration drain) throws SimException {
        List<ProcessHandle> alive = Network.pids(worker(host).namespace()).stream().map(ProcessHandle::of).flatMap(Optional::stream)
                .filter(SimProcesses::running).toList();
        alive.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + drain.toNanos();
        boolean drained = true;
        for (ProcessHandle process : alive) {
            drained &= SimProcesses.awaitEnd(process, deadline);
        }
        if (!drained) {
            SimProcesses.kill(new java.util.TreeSet<>(alive.stream().map(ProcessHandle::pid).toList()));
        }
        return new Sim.Stopped(host, alive.size(), drained);
    }

    static long start(java.nio.file.Path dir, SimState state, SimHost host, AppDirectories dirs, Duration timeout) throws SimException {
        worker(host);
        if (state.workerMain().isEmpty()) {
            throw new SimException("the sim's state does not record the workers' command line (made by an older `sim up`); bring it up again");
        }
        if (!Network.pids(host.namespace()).isEmpty()) {
            throw new SimException(host.name() + " is running already (`tessera sim worker stop " + host.name() + "` first)");
        }
        SimFiles files = new SimFiles(dir);
        Process process = SimProcesses.start(host, state.prefix(), DaemonCommands.of(host, files, null, state.workerMain()), files.log(host));
        synchronized (SimWorkers.class) { // workers started at once must not overwrite each other's pid in sim.json
            new StateJournal(dir, SimState.read(dir).orElse(state)).processStarted(host, process.pid());
        }
        awaitRegistered(target(state, dirs), host, process, files, timeout);
        return process.pid();
    }

    private static SimHost worker(SimHost host) throws SimException {
        if (host.role() != Role.WORKER) {
            throw new SimException(host.name() + " is not a worker host (its role: " + host.role().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return host;
    }

    private static ConnectionTarget target(SimState state, AppDirectories dirs) throws SimException {
        try {
            var profile = ProfileStore.inDirectories(dirs).find(state.profile())
                    .orElseThrow(() -> new SimException("the sim's profile '" + state.profile() + "' is gone"));
            return ProfileResolver.inDirectories(dirs).resolve(profile);
        } catch (IOException | io.tessera.engine.connect.ConnectException | RuntimeException e) {
            throw new SimException("cannot open the sim's profile '" + state.profile() + "': " + e.getMessage(), e);
        }
    }

    /** Until the worker process registered itself in ZooKeeper; fails at once if it exits. */
    private static void awaitRegistered(ConnectionTarget target, SimHost host, Process process, SimFiles files, Duration timeout) throws SimException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (ClusterConnection connection = new ClusterConnection(target)) {
            WorkerDirectory directory = new WorkerDirectory(ZkAccess.of(connection));
            while (true) {
                if (!process.isAlive()) {
                    throw new SimException("the worker on " + host.name() + " exited with " + process.exitValue() + ": " + SimProcesses.tail(files.log(host), 3));
                }
                try {
                    if (directory.workers().stream().anyMatch(w -> w.pid() == process.pid() && w.host().equals(host.hostName()))) {
                        return;
                    }
                } catch (IOException notYet) {
                    // ZooKeeper answers again in a moment
                }
                if (System.nanoTime() > deadline) {
                    throw new SimException("the worker on " + host.name() + " did not register within " + timeout.toSeconds() + " s (log: "
                            + files.log(host) + ")");
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimException("interrupted while waiting for the worker on " + host.name(), e);
        }
    }
}
