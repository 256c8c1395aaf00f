package io.tessera.cli;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.bench.BenchCleanUp;
import io.tessera.engine.bench.LoadAverage;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.sim.Sim;
import io.tessera.engine.sim.SimState;
import io.tessera.engine.sim.scale.RoundSchedule;
import io.tessera.engine.sim.scale.ScaleBenchmark;
import io.tessera.engine.sim.scale.ScaleChart;
import io.tessera.engine.sim.scale.ScaleOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `tessera bench scale`: throughput over 1, 2, 4, 8, 16 worker hosts of a sim against the ideal N× (see {@link ScaleBenchmark}).
 * Uses the sim in --dir when one is up there; else brings one up there with as many worker hosts as the largest count asked,
 * and takes it down at the end (unless --keep-sim). Prints each job, the Markdown table for docs/performance.md and where each
 * op's curve bends, and draws the curve (--chart). Exits 1 when a job lost, doubled or failed an image. Needs root.
 */
@Command(name = "scale", mixinStandardHelpOptions = true, description = "Throughput over 1, 2, 4, 8, 16 worker hosts of a sim against the ideal N×; servers' load per image; draws the curve (needs root).")
final class BenchScale implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", description = "The sim's folder: its sim if one is up there, else one is brought up there (default: <data>/bench-scale-sim).")
    Path dir;

    @Option(names = "--prefix", defaultValue = "tscale", description = "Prefix of a sim it brings up (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--subnet", defaultValue = "10.76.0", description = "Subnet of a sim it brings up (default: ${DEFAULT-VALUE}).")
    String subnet;

    @Option(names = "--profile", defaultValue = "sim-scale", description = "Profile name of a sim it brings up (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--keep-sim", description = "Leave a sim it brought up running.")
    boolean keepSim;

    @Option(names = "--hosts", defaultValue = "1,2,4,8,16", description = "Worker host counts to measure (default: ${DEFAULT-VALUE}).")
    String hosts;

    @Option(names = "--worker-threads", defaultValue = "2", description = "Image threads per worker of a sim it brings up (default: ${DEFAULT-VALUE}).")
    int workerThreads;

    @Option(names = "--op", defaultValue = "sleep:ms=500", description = "An op to measure; repeat for more series, e.g. --op sleep:ms=500 --op sleep:ms=50 "
            + "(default: ${DEFAULT-VALUE}).")
    List<String> ops;

    @Option(names = "--images-per-host", description = "Images per serving host in each job (default: enough for --seconds at the op's cost).")
    Integer imagesPerHost;

    @Option(names = "--seconds", defaultValue = "15", description = "Aimed length of each job when --images-per-host is not given (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds over the host counts, up and down in turn; medians are reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--batch", defaultValue = "0", description = "Images per task (default: chosen so every thread gets several tasks).")
    int batch;

    @Option(names = "--size", defaultValue = "64", description = "Width of the generated JPEGs, height 3/4 of it (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--no-audit", description = "Do not read every output back after each job.")
    boolean noAudit;

    @Option(names = "--chart", description = "Write the curve as a PNG there, e.g. docs/scaling.png.")
    Path chart;

    @Option(names = "--chart-size", defaultValue = "1000x640", description = "Width x height of the chart (default: ${DEFAULT-VALUE}).")
    String chartSize;

    @Option(names = "--job-timeout", defaultValue = "20", description = "Minutes a job may take (default: ${DEFAULT-VALUE}).")
    int jobTimeoutMinutes;

    @Option(names = "--timeout", defaultValue = "600", description = "Seconds to wait for a sim it brings up (default: ${DEFAULT-VALUE}).")
    int upTimeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        AppDirectories dirs = AppDirectories.fromEnvironment();
        Path simDir = dir != null ? dir : dirs.data().resolve("bench-scale-sim");
        List<Integer> counts;
        int[] chartWh;
        try {
            counts = RoundSchedule.parseHosts(hosts);
            chartWh = chartSize();
        } catch (IllegalArgumentException e) {
            throw new ReadableErrors.UserError(e.getMessage(), 2);
        }
        Optional<SimState> existing = Sim.state(simDir);
        boolean ours = existing.isEmpty();
        ScaleOptions options; // checked before a sim is brought up for it
        try {
            options = new ScaleOptions(counts, rounds, ops, imagesPerHost, seconds, existing.map(this::threadsOf).orElse(workerThreads), batch, size,
                    !noAudit, Duration.ofMinutes(jobTimeoutMinutes));
        } catch (IllegalArgumentException e) {
            throw new ReadableErrors.UserError(e.getMessage(), 2);
        }
        if (ours) {
            int most = counts.getLast();
            out.println("bringing up a sim with " + most + " worker hosts in " + simDir + " (prefix " + prefix + ", " + subnet + ".0/24)");
            out.flush();
            Sim.up(new Sim.Options(simDir, prefix, subnet, most, profile, SimCommand.workerMain(profile, workerThreads), Duration.ofSeconds(upTimeoutSeconds)),
                    dirs, line -> {
                        out.println("  " + line);
                        out.flush();
                    });
        }
        // Ctrl-C: a sim it brought up goes too (a sim it found stays, its stopped worker hosts restart with `sim worker start`)
        Thread downOnExit = new Thread(() -> {
            try {
                Sim.down(simDir, prefix, dirs);
            } catch (Exception e) {
                System.err.println("taking the sim down failed: " + e.getMessage() + "; run `tessera sim down --dir " + simDir + "`");
            }
        }, "bench-scale-sim-down");
        if (ours && !keepSim) {
            Runtime.getRuntime().addShutdownHook(downOnExit);
        }
        try {
            SimState state = Sim.state(simDir).orElseThrow();
            Path scratch = Files.createTempDirectory(Files.createDirectories(dirs.state().resolve("bench")), "scale-");
            ScaleBenchmark.Result result;
            try (ClusterConnection connection = new ClusterConnection(ProfileTargets.resolve(state.profile()))) {
                out.printf("scale: hosts %s, %d rounds, ops %s, %d threads per worker, sim '%s'%n", counts, rounds, ops, options.threads(), state.prefix());
                out.flush();
                result = ScaleBenchmark.run(connection, simDir, dirs, options, scratch, line -> {
                    out.println(line);
                    out.flush();
                });
            } finally {
                BenchCleanUp.deleteTree(scratch);
            }
            print(out, result, options);
            if (chart != null) {
                ScaleChart.write(result.points(), chart, chartWh[0], chartWh[1], options.threads() + " threads per worker host, " + result.cores()
                        + "-core machine, medians of " + rounds + " rounds");
                out.println("chart: " + chart.toAbsolutePath());
            }
            out.flush();
            return result.problems().isEmpty() ? 0 : 1;
        } finally {
            if (ours && !keepSim) {
                try {
                    Runtime.getRuntime().removeShutdownHook(downOnExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook takes it down
                }
                Sim.Removed removed = Sim.down(simDir, prefix, dirs);
                out.println("sim down: " + removed.processes() + " processes stopped, " + removed.namespaces().size() + " namespaces removed");
                out.flush();
            }
        }
    }

    private static void print(PrintWriter out, ScaleBenchmark.Result r, ScaleOptions options) {
        out.printf(Locale.ROOT, "%nThroughput over worker hosts: %d jobs, medians of %d rounds; steady = IMAGE_DONE between the 10th and 90th percentile, "
                + "whole = submission to the job's end; ideal = hosts / fewest hosts x the fewest hosts' median.%n", r.jobs(), options.rounds());
        out.printf("load average: %s at start, %s at end (%d cores)%n%n", LoadAverage.text(r.loadAtStart()), LoadAverage.text(r.loadAtEnd()), r.cores());
        out.print(r.table());
        out.println();
        r.saturation().forEach(out::println);
        r.problems().forEach(problem -> out.println("PROBLEM: " + problem));
    }

    /** The worker threads the sim's workers run with (their recorded command line), else --worker-threads. */
    private int threadsOf(SimState state) {
        int at = state.workerMain().indexOf("--threads");
        return at >= 0 && at + 1 < state.workerMain().size() ? Integer.parseInt(state.workerMain().get(at + 1)) : workerThreads;
    }

    private int[] chartSize() {
        String[] wh = chartSize.toLowerCase(Locale.ROOT).split("x");
        try {
            int[] size = {Integer.parseInt(wh[0].strip()), Integer.parseInt(wh[1].strip())};
            if (size[0] < 200 || size[1] < 150 || size[0] > 4000 || size[1] > 4000) {
                throw new IllegalArgumentException("--chart-size must be between 200x150 and 4000x4000, not " + chartSize);
            }
            return size;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--chart-size must be WIDTHxHEIGHT, e.g. 1000x640, not '" + chartSize + "'");
        }
    }
}
