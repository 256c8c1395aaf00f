package io.tessera.cli;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.HealthCheck;
import io.tessera.engine.connect.ProfileResolver;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.engine.profile.ProfileStore;
import io.tessera.engine.sim.Sim;
import io.tessera.engine.sim.SimHost;
import io.tessera.engine.sim.SimLayout;
import io.tessera.engine.sim.SimState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `tessera sim`: a multi-host cluster on this machine (network namespaces on a bridge, one per host, each with its own
 * address and real daemons), its profile for the console and the CLI, and the fault primitives across hosts. Needs root.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "A multi-host cluster on this machine: hosts as network namespaces (needs root and iproute2).",
        subcommands = {SimCommand.Up.class, SimCommand.Down.class, SimCommand.Status.class, SimCommand.Cut.class, SimCommand.Restore.class,
                SimCommand.Kill.class, SimCommand.WorkerHost.class})
final class SimCommand {

    /** Where the sim lives; every subcommand takes it. */
    static final class Folder {
        @Option(names = "--dir", description = "The sim's folder: state, configuration, data and logs (default: <data>/sim).")
        Path dir;

        Path resolve() {
            return dir != null ? dir : AppDirectories.fromEnvironment().data().resolve("sim");
        }
    }

    @Command(name = "up", description = "Make the hosts, start their daemons and N workers, and save a cluster profile for them.")
    static final class Up implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Folder folder;

        @Option(names = "--workers", defaultValue = "2", description = "Worker hosts, each running `tessera worker` (default: ${DEFAULT-VALUE}).")
        int workers;

        @Option(names = "--worker-threads", defaultValue = "2", description = "Image threads of each worker (default: ${DEFAULT-VALUE}).")
        int workerThreads;

        @Option(names = "--profile", defaultValue = "sim", description = "Name of the profile it saves (default: ${DEFAULT-VALUE}).")
        String profile;

        @Option(names = "--prefix", defaultValue = SimLayout.DEFAULT_PREFIX,
                description = "Prefix of every namespace and link it makes (default: ${DEFAULT-VALUE}).")
        String prefix;

        @Option(names = "--subnet", defaultValue = SimLayout.DEFAULT_SUBNET,
                description = "First three octets of the private /24 the hosts live in (default: ${DEFAULT-VALUE}).")
        String subnet;

        @Option(names = "--timeout", defaultValue = "240", description = "Seconds to wait for the daemons and workers (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (workerThreads < 1 || workerThreads > 64) {
                throw new ReadableErrors.UserError("--worker-threads must be between 1 and 64, not " + workerThreads, 2);
            }
            Sim.Options options = new Sim.Options(folder.resolve(), prefix, subnet, workers, profile, workerMain(profile, workerThreads),
                    Duration.ofSeconds(timeoutSeconds));
            long began = System.nanoTime();
            SimState state = Sim.up(options, AppDirectories.fromEnvironment(), line -> {
                out.println(line);
                out.flush();
            });
            out.printf("Sim up in %.1f s: %d hosts on %s (%s.0/24); profile '%s'.%n", (System.nanoTime() - began) / 1e9, state.hosts().size(),
                    state.bridge(), state.subnet(), state.profile());
            printHosts(out, Sim.status(folder.resolve()));
            out.println("Console: choose the profile '" + state.profile() + "'. CLI: --profile " + state.profile() + ". Tear down: tessera sim down"
                    + (folder.dir == null ? "" : " --dir " + folder.dir) + ".");
            out.flush();
            return 0;
        }
    }

    /** What each worker host runs: `tessera worker` on the sim's profile. */
    static List<String> workerMain(String profile, int threads) {
        return List.of(TesseraCommand.class.getName(), "worker", "--profile", profile, "--threads", Integer.toString(threads));
    }

    @Command(name = "down", description = "Remove every namespace, link, process and the profile the sim made (also after a crash).")
    static final class Down implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Folder folder;

        @Option(names = "--prefix", defaultValue = SimLayout.DEFAULT_PREFIX,
                description = "Prefix to clean up when the state file is gone (default: ${DEFAULT-VALUE}).")
        String prefix;

        @Override
        public Integer call() throws Exception {
            Sim.Removed removed = Sim.down(folder.resolve(), prefix, AppDirectories.fromEnvironment());
            PrintWriter out = spec.commandLine().getOut();
            out.println("Sim down: " + removed.processes() + " processes stopped, " + removed.namespaces().size() + " namespaces and "
                    + removed.links().size() + " links removed" + (removed.profile() ? ", profile removed" : "") + "; logs kept in "
                    + folder.resolve().resolve("logs") + ".");
            out.flush();
            return 0;
        }
    }

    @Command(name = "status", description = "The sim's hosts, their processes and links, and the health of its services.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Folder folder;

        @Option(names = "--no-check", description = "Do not ask the services for their health.")
        boolean noCheck;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            SimState state = Sim.state(folder.resolve()).orElseThrow(() -> new ReadableErrors.UserError("no sim in " + folder.resolve(), 1));
            out.println("Sim '" + state.prefix() + "' on " + state.bridge() + " (" + state.subnet() + ".0/24), profile '" + state.profile()
                    + "', up since " + state.started());
            List<Sim.HostStatus> hosts = Sim.status(folder.resolve());
            printHosts(out, hosts);
            int exit = hosts.stream().allMatch(h -> !h.alivePids().isEmpty() && h.linkUp()) ? 0 : 2;
            if (!noCheck) {
                var profile = ProfileStore.inDirectories(AppDirectories.fromEnvironment()).find(state.profile())
                        .orElseThrow(() -> new ReadableErrors.UserError("the sim's profile '" + state.profile() + "' is gone", 1));
                Map<ServiceKind, ServiceHealth> health = HealthCheck.checkAll(ProfileResolver.inDirectories(AppDirectories.fromEnvironment())
                        .resolve(profile), Duration.ofSeconds(3));
                for (ServiceHealth service : health.values()) {
                    out.printf("  %-9s %-8s %s%n", service.service().displayName(), service.state(), service.summary());
                    if (!service.isUp()) {
                        exit = Math.max(exit, 1);
                    }
                }
            }
            out.flush();
            return exit;
        }
    }

    /** A fault primitive on one host: {@code cut}, {@code restore}, {@code kill}. */
    abstract static class HostAction implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Folder folder;

        @Parameters(index = "0", description = "Host, like w1, dn2, zk3, redis1 (see `tessera sim status`).")
        String host;

        /** Does it and says what it did. */
        abstract String act(Path dir) throws Exception;

        @Override
        public Integer call() throws Exception {
            spec.commandLine().getOut().println(act(folder.resolve()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "cut", description = "Take a host off the network (its link goes down; its processes keep running).")
    static final class Cut extends HostAction {
        @Override
        String act(Path dir) throws Exception {
            SimHost cut = Sim.cut(dir, host);
            return "Cut " + cut.name() + " (" + cut.address() + ") off the network; `tessera sim restore " + cut.name() + "` brings it back.";
        }
    }

    @Command(name = "restore", description = "Put a cut host back on the network.")
    static final class Restore extends HostAction {
        @Override
        String act(Path dir) throws Exception {
            SimHost restored = Sim.restore(dir, host);
            return "Restored " + restored.name() + " (" + restored.address() + ").";
        }
    }

    @Command(name = "kill", description = "SIGKILL every process on a host, as if it lost power.")
    static final class Kill extends HostAction {
        @Override
        String act(Path dir) throws Exception {
            int killed = Sim.kill(dir, host);
            return "Killed " + killed + " process" + (killed == 1 ? "" : "es") + " on " + host + ".";
        }
    }

    @Command(name = "worker", description = "Stop a worker host's `tessera worker` (SIGTERM: it drains and leaves) or start it again.",
            subcommands = {WorkerHost.Stop.class, WorkerHost.Start.class})
    static final class WorkerHost {
        @Command(name = "stop", description = "SIGTERM the host's worker: its images at hand finish, then it leaves membership (SIGKILL after --drain).")
        static final class Stop extends HostAction {
            @Option(names = "--drain", defaultValue = "60", description = "Seconds to wait for the worker to drain (default: ${DEFAULT-VALUE}).")
            int drainSeconds;

            @Override
            String act(Path dir) throws Exception {
                Sim.Stopped stopped = Sim.stopWorker(dir, host, Duration.ofSeconds(drainSeconds));
                return stopped.processes() == 0 ? "No worker was running on " + host + "."
                        : "Stopped the worker on " + host + (stopped.drained() ? " (drained)." : " (SIGKILLed: it had not drained in " + drainSeconds + " s).");
            }
        }

        @Command(name = "start", description = "Start the host's worker again, as `sim up` did, and wait until it is registered.")
        static final class Start extends HostAction {
            @Option(names = "--timeout", defaultValue = "120", description = "Seconds to wait for it to register (default: ${DEFAULT-VALUE}).")
            int timeoutSeconds;

            @Override
            String act(Path dir) throws Exception {
                long pid = Sim.startWorker(dir, host, AppDirectories.fromEnvironment(), Duration.ofSeconds(timeoutSeconds));
                return "Started the worker on " + host + " (pid " + pid + "); it is registered.";
            }
        }
    }

    private static void printHosts(PrintWriter out, List<Sim.HostStatus> hosts) {
        for (Sim.HostStatus status : hosts) {
            SimHost host = status.host();
            out.printf("  %-8s %-14s %-13s %-8s %s%n", host.name(), host.role().name().toLowerCase(Locale.ROOT).replace('_', ' '), host.address(),
                    status.linkUp() ? "link up" : "link CUT", status.alivePids().isEmpty() ? "no process" : "pid " + status.alivePids());
        }
    }
}
