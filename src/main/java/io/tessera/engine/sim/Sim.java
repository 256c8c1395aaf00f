package io.tessera.engine.sim;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.Reasons;
import io.tessera.engine.cluster.RedisServerBinary;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.ProfileResolver;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.sim.SimHost.Role;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A multi-host cluster on one machine: hosts as network namespaces on a bridge, each with its own address, running real
 * daemons in JVMs (and redis-servers) of their own: see {@link SimLayout} for who runs where. {@link #up} makes it and
 * writes an ordinary cluster profile for it; {@link #down} removes every namespace, link, process and the profile, from
 * the state file and by prefix, also after a crash; {@link #cut}, {@link #restore} and {@link #kill} are the fault
 * primitives across hosts. Needs root and iproute2.
 */
public final class Sim {
    private Sim() {}

    /**
     * @param workerMain the worker's main class and arguments (a worker JVM runs them with the sim's profile)
     */
    public record Options(Path dir, String prefix, String subnet, int workers, String profileName, List<String> workerMain, Duration readyTimeout) {
        public Options {
            workerMain = List.copyOf(workerMain);
        }
    }

    /** Whether this machine can run a sim (root, iproute2). */
    public static boolean available() {
        return Network.available();
    }

    /** Makes the sim and returns once every daemon answers and every worker registered; on failure removes what it made. */
    public static SimState up(Options options, AppDirectories dirs, Consumer<String> progress) throws SimException {
        SimLayout layout;
        try {
            layout = SimLayout.of(options.prefix(), options.subnet(), options.workers());
        } catch (IllegalArgumentException e) {
            throw new SimException(e.getMessage());
        }
        if (!available()) {
            throw new SimException("the sim needs root and iproute2 (ip netns), and this process has not got them");
        }
        Leftovers leftovers = Leftovers.find(layout.prefix(), layout.subnet());
        if (!leftovers.none()) {
            throw new SimException("a sim with prefix '" + layout.prefix() + "' is up or left over (" + leftovers + "); run `tessera sim down` first");
        }
        String taken = Network.addressInUse(layout.subnet(), layout.bridge());
        if (taken != null) {
            throw new SimException("the subnet " + layout.subnet() + ".0/24 is in use on this machine (" + taken + "); choose another with --subnet");
        }
        SimFiles files = new SimFiles(options.dir().toAbsolutePath());
        char[] password = newPassword();
        StateJournal journal;
        try {
            files.clearPrevious();
            journal = new StateJournal(files.dir(), SimState.planned(layout, options.profileName(), options.workers(), options.workerMain()));
        } catch (IOException e) {
            throw new SimException("cannot prepare the sim folder " + files.dir() + ": " + e.getMessage(), e);
        }
        // Ctrl-C during up: take down what was made rather than leave it
        Thread undo = new Thread(() -> SimTeardown.downQuietly(files.dir(), dirs), "sim-up-undo");
        Runtime.getRuntime().addShutdownHook(undo);
        boolean done = false;
        try {
            build(options, dirs, layout, files, journal, password, progress);
            done = true;
            return journal.state();
        } catch (SimException | RuntimeException e) {
            progress.accept("sim up failed: " + Reasons.oneLine(e) + "; removing what it made");
            SimTeardown.downQuietly(files.dir(), dirs);
            throw e instanceof SimException sim ? sim : new SimException("sim up failed: " + Reasons.oneLine(e), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(undo);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs
            }
            if (!done) {
                java.util.Arrays.fill(password, '\0');
            }
        }
    }

    private static void build(Options options, AppDirectories dirs, SimLayout layout, SimFiles files, StateJournal journal, char[] password,
                              Consumer<String> progress) throws SimException {
        progress.accept("network: bridge " + layout.bridge() + " (" + layout.gateway() + "/24) and " + layout.hosts().size() + " hosts");
        Network.addBridge(layout);
        for (SimHost host : layout.hosts()) {
            journal.hostMade(host);
            Network.addHost(layout, host);
        }
        Path redisServer;
        try {
            files.writeAll(layout, new String(password));
            redisServer = RedisServerBinary.locate(files.binDir());
        } catch (IOException e) {
            throw new SimException("cannot write the sim's configuration in " + files.dir() + ": " + e.getMessage(), e);
        } catch (io.tessera.engine.cluster.ClusterStartException e) {
            throw new SimException(e.getMessage(), e);
        }
        ConnectionProfile profile = SimProfile.save(dirs, options.profileName(), layout, files.clientConf(), password);
        ConnectionTarget target = ProfileResolver.withPasswords(profile, null, password);

        Map<SimHost, Process> processes = new LinkedHashMap<>();
        List<SimHost> infrastructure = layout.hosts().stream().filter(h -> h.role().isInfrastructure()).toList();
        progress.accept("starting " + infrastructure.size() + " daemons: NameNode, 3 DataNodes, 3 ZooKeeper servers, Redis primary + replica, 3 Sentinels");
        for (SimHost host : infrastructure) {
            start(host, layout, files, journal, redisServer, options.workerMain(), processes);
        }
        SimReadiness.awaitInfrastructure(target, layout, processes, files, password, options.readyTimeout(), progress);
        List<SimHost> workers = layout.hosts(Role.WORKER);
        if (!workers.isEmpty()) {
            progress.accept("starting " + workers.size() + " worker" + (workers.size() == 1 ? "" : "s"));
            for (SimHost host : workers) {
                start(host, layout, files, journal, redisServer, options.workerMain(), processes);
            }
            SimReadiness.awaitWorkers(target, workers.size(), processes, files, options.readyTimeout());
        }
    }

    private static void start(SimHost host, SimLayout layout, SimFiles files, StateJournal journal, Path redisServer, List<String> workerMain,
                              Map<SimHost, Process> processes) throws SimException {
        Process process = SimProcesses.start(host, layout.prefix(), DaemonCommands.of(host, files, redisServer, workerMain), files.log(host));
        journal.processStarted(host, process.pid());
        processes.put(host, process);
    }

    /** What {@link #down} removed. */
    public record Removed(int processes, List<String> namespaces, List<String> links, boolean profile) {}

    /**
     * Removes the sim recorded in {@code dir} (its prefix from the state file, else {@code prefix}) and anything else with
     * that prefix; see {@link SimTeardown}. Logs stay.
     *
     * @throws SimException when something with the prefix is still there afterwards
     */
    public static Removed down(Path dir, String prefix, AppDirectories dirs) throws SimException {
        return SimTeardown.down(dir, prefix, dirs);
    }

    /** One host as it is now: its recorded processes still alive, and whether its link is up (false when cut). */
    public record HostStatus(SimHost host, List<Long> alivePids, boolean linkUp) {}

    public static List<HostStatus> status(Path dir) throws SimException {
        SimState state = SimState.read(dir.toAbsolutePath()).orElseThrow(() -> new SimException("no sim in " + dir.toAbsolutePath()
                + " (no " + SimState.FILE + ")"));
        List<HostStatus> hosts = new ArrayList<>();
        for (Map.Entry<SimHost, List<Long>> host : alivePids(dir).entrySet()) {
            hosts.add(new HostStatus(host.getKey(), host.getValue(), Network.linkUp(host.getKey())));
        }
        return hosts;
    }

    /** Each host's recorded processes that are alive now, from the state file alone (no `ip` call: cheap enough to sample often). */
    public static Map<SimHost, List<Long>> alivePids(Path dir) throws SimException {
        SimState state = requireState(dir);
        Map<SimHost, List<Long>> alive = new LinkedHashMap<>();
        for (SimHost host : state.layout().hosts()) {
            alive.put(host, state.host(host.name()).pids().stream().filter(SimProcesses::running).toList());
        }
        return alive;
    }

    public static Optional<SimState> state(Path dir) throws SimException {
        return SimState.read(dir.toAbsolutePath());
    }

    /** Takes the host off the network (its link down); its processes keep running. */
    public static SimHost cut(Path dir, String hostName) throws SimException {
        SimHost host = host(dir, hostName);
        Network.cut(host);
        return host;
    }

    public static SimHost restore(Path dir, String hostName) throws SimException {
        SimHost host = host(dir, hostName);
        Network.restore(host);
        return host;
    }

    /** SIGKILLs every process on the host, as a host that loses power; returns how many there were. */
    public static int kill(Path dir, String hostName) throws SimException {
        SimHost host = host(dir, hostName);
        return SimProcesses.kill(new LinkedHashSet<>(Network.pids(host.namespace())));
    }

    /** What {@link #stopWorker} did: the processes it stopped, and whether they drained within the time given (else SIGKILLed). */
    public record Stopped(SimHost host, int processes, boolean drained) {}

    /**
     * Stops a worker host's {@code tessera worker} with SIGTERM, so it drains and leaves membership; after {@code drain} without
     * an exit it is SIGKILLed. The host and its link stay; {@link #startWorker} starts the worker again.
     */
    public static Stopped stopWorker(Path dir, String hostName, Duration drain) throws SimException {
        return SimWorkers.stop(requireState(dir), host(dir, hostName), drain);
    }

    /**
     * Starts a stopped worker host's {@code tessera worker} again with the command line {@code sim up} gave it, and returns once
     * it is registered in ZooKeeper; returns its pid.
     */
    public static long startWorker(Path dir, String hostName, AppDirectories dirs, Duration timeout) throws SimException {
        return SimWorkers.start(dir.toAbsolutePath(), requireState(dir), host(dir, hostName), dirs, timeout);
    }

    private static SimState requireState(Path dir) throws SimException {
        return SimState.read(dir.toAbsolutePath()).orElseThrow(() -> new SimException("no sim in " + dir.toAbsolutePath()));
    }

    private static SimHost host(Path dir, String hostName) throws SimException {
        SimState state = SimState.read(dir.toAbsolutePath()).orElseThrow(() -> new SimException("no sim in " + dir.toAbsolutePath()));
        try {
            return state.layout().host(hostName);
        } catch (java.util.NoSuchElementException e) {
            throw new SimException(e.getMessage());
        }
    }

    private static char[] newPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
    }
}
