package io.tessera.engine.sim.scale;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.membership.WorkerDirectory;
import io.tessera.engine.sim.Sim;
import io.tessera.engine.sim.SimException;
import io.tessera.engine.sim.SimHost;
import io.tessera.engine.zk.ZkAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Which of a sim's worker hosts serve jobs: {@link #serve(int)} leaves {@code w1…wn} running and stops the others with
 * SIGTERM (they drain and leave), starting any of the first n that are stopped, all at once, then waits until exactly n
 * workers are registered. {@link #restore} starts every host that was running at the beginning again.
 */
final class WorkerHosts {
    private static final Duration DRAIN = Duration.ofMinutes(2);
    private static final Duration START = Duration.ofMinutes(4);

    private final Path simDir;
    private final AppDirectories dirs;
    private final ClusterConnection connection;
    private final List<SimHost> hosts;
    private final List<SimHost> runningAtStart = new ArrayList<>();

    WorkerHosts(Path simDir, AppDirectories dirs, ClusterConnection connection) throws SimException {
        this.simDir = simDir;
        this.dirs = dirs;
        this.connection = connection;
        this.hosts = Sim.alivePids(simDir).keySet().stream().filter(h -> h.role() == SimHost.Role.WORKER).toList();
        runningAtStart.addAll(running());
    }

    int count() {
        return hosts.size();
    }

    void serve(int n) throws Exception {
        List<SimHost> running = running();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> steps = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) {
                SimHost host = hosts.get(i);
                if (i >= n && running.contains(host)) {
                    steps.add(pool.submit(() -> Sim.stopWorker(simDir, host.name(), DRAIN)));
                } else if (i < n && !running.contains(host)) {
                    steps.add(pool.submit(() -> Sim.startWorker(simDir, host.name(), dirs, START)));
                }
            }
            for (Future<?> step : steps) {
                step.get();
            }
        }
        awaitRegistered(n);
    }

    void restore() throws Exception {
        List<SimHost> running = running();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> steps = new ArrayList<>();
            for (SimHost host : runningAtStart) {
                if (!running.contains(host)) {
                    steps.add(pool.submit(() -> Sim.startWorker(simDir, host.name(), dirs, START)));
                }
            }
            for (Future<?> step : steps) {
                step.get();
            }
        }
    }

    private List<SimHost> running() throws SimException {
        return Sim.alivePids(simDir).entrySet().stream().filter(h -> h.getKey().role() == SimHost.Role.WORKER && !h.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();
    }

    /** Until ZooKeeper lists exactly n workers (a stopped one's node goes when its session closes). */
    private void awaitRegistered(int n) throws IOException, InterruptedException {
        WorkerDirectory directory = new WorkerDirectory(ZkAccess.of(connection));
        long deadline = System.nanoTime() + START.toNanos();
        int live;
        while ((live = directory.liveIds().size()) != n) {
            if (System.nanoTime() > deadline) {
                throw new IOException(live + " workers registered, not the " + n + " wanted, after " + START.toMinutes() + " min");
            }
            Thread.sleep(200);
        }
    }
}
