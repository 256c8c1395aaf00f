package io.tessera.engine.sim.scale;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.bench.BenchCleanUp;
import io.tessera.engine.bench.LoadAverage;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.sim.Sim;
import io.tessera.engine.sim.SimException;
import io.tessera.engine.sim.SimState;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.JobSubmission;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@code tessera bench scale}: throughput over 1, 2, 4, … worker hosts of a sim against the ideal N×. Jobs of a controlled-cost
 * op (or any op) over small JPEGs uploaded once into the sim's HDFS run on exactly n worker hosts at a time (the others stopped,
 * see {@link WorkerHosts}), in rounds that go up and down the host counts in turn ({@link RoundSchedule}); the size of a job
 * grows with n, so every job lasts about as long. Each job's throughput ({@link Throughput}) and the servers' load per image
 * ({@link JobLoad}) are taken, the medians over the rounds compared with the ideal ({@link ScalePoint}), and where the curve
 * bends named ({@link ScaleReport}). Jobs run on the sim's ordinary key prefix (its workers serve that one); their inputs,
 * outputs and plans are removed afterwards, and the worker hosts that were running at the start run again at the end.
 */
public final class ScaleBenchmark {
    private ScaleBenchmark() {}

    public record Result(List<ScalePoint> points, List<String> saturation, int cores, Optional<LoadAverage> loadAtStart,
                         Optional<LoadAverage> loadAtEnd, int jobs, List<String> problems) {
        public Result {
            points = List.copyOf(points);
            saturation = List.copyOf(saturation);
            problems = List.copyOf(problems);
        }

        public String table() {
            return ScaleReport.table(points);
        }
    }

    public static Result run(ClusterConnection connection, Path simDir, AppDirectories dirs, ScaleOptions options, Path scratch, Consumer<String> log)
            throws Exception {
        SimState state = Sim.state(simDir).orElseThrow(() -> new SimException("no sim in " + simDir.toAbsolutePath()));
        WorkerHosts workers = new WorkerHosts(simDir, dirs, connection);
        int most = new TreeSet<>(options.hostCounts()).last();
        if (workers.count() < most) {
            throw new SimException("the sim has " + workers.count() + " worker hosts, fewer than the " + most + " asked for; bring it up with --workers " + most);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        Optional<LoadAverage> loadAtStart = LoadAverage.now();
        log.accept("load average at start: " + LoadAverage.text(loadAtStart) + " (" + cores + " cores)");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String base = "/tessera-bench/scale-" + run;
        List<String> jobIds = new ArrayList<>();
        List<ScaleJob.Run> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            Map<Integer, Map<Integer, String>> inputs = new LinkedHashMap<>(); // images per host -> host count -> folder
            for (String op : options.ops()) {
                int perHost = options.imagesPerHost(op);
                if (!inputs.containsKey(perHost)) {
                    String root = base + "/in-" + perHost;
                    ScaleInputs.upload(connection, scratch.resolve("in-" + perHost), root, options.hostCounts(), perHost, options.imageSize(), log);
                    inputs.put(perHost, ScaleInputs.folders(root, options.hostCounts()));
                }
            }
            LoadProbe probe = new LoadProbe(connection, simDir, state, line -> log.accept("  " + line));
            DispatchKeys keys = DispatchKeys.DEFAULT;
            JobSubmission submission = new JobSubmission(connection, keys, DispatchSettings.defaults());
            int current = -1;
            for (RoundSchedule.Slot slot : RoundSchedule.of(options.hostCounts(), options.rounds())) {
                long began = System.nanoTime();
                boolean switched = slot.hosts() != current;
                if (switched) {
                    workers.serve(slot.hosts());
                    current = slot.hosts();
                }
                log.accept(String.format(Locale.ROOT, "round %d: %d worker host%s serving%s", slot.round() + 1, current, current == 1 ? "" : "s",
                        switched ? String.format(Locale.ROOT, " (%.1f s to switch)", (System.nanoTime() - began) / 1e9) : ""));
                for (int i = 0; i < options.ops().size(); i++) {
                    String op = options.ops().get(i);
                    int perHost = options.imagesPerHost(op);
                    String job = "scale-" + run + "-" + (i + 1) + "-h" + slot.hosts() + "-r" + (slot.round() + 1);
                    jobIds.add(job);
                    JobRequest request = new JobRequest(job, inputs.get(perHost).get(slot.hosts()), base + "/out/" + job, Pipeline.parse(List.of(op), null),
                            Priority.NORMAL, ShardLimits.DEFAULT, options.batchFor(perHost));
                    ScaleJob.Run measured = ScaleJob.run(connection, submission, keys, request, slot.hosts(), slot.round(), probe, options.jobTimeout(),
                            options.audit());
                    runs.add(measured);
                    log.accept(line(measured));
                    problems.addAll(problems(measured, job));
                }
            }
        } finally {
            workers.restore();
            BenchCleanUp.cluster(connection, base, jobIds, new DispatchKeys("tessera-bench-scale-" + run + ":")).ifPresent(log);
        }
        Optional<LoadAverage> loadAtEnd = LoadAverage.now();
        log.accept("load average at end: " + LoadAverage.text(loadAtEnd));
        List<ScalePoint> points = ScalePoint.of(runs);
        return new Result(points, ScaleReport.saturation(points, cores), cores, loadAtStart, loadAtEnd, runs.size(), problems);
    }

    private static String line(ScaleJob.Run r) {
        JobLoad l = r.load();
        return String.format(Locale.ROOT, "  %-14s %2d hosts  %6d images  whole %7.1f img/s (%.1f s)  steady %7.1f img/s  machine %3.0f %%  "
                        + "Redis %.3f ms/img  NameNode %.1f RPC/img  ZooKeeper %.2f pkt/img%s", r.op(), r.hosts(), r.throughput().images(),
                r.throughput().wholePerSecond(), r.throughput().wholeSeconds(), r.throughput().steadyPerSecond(), 100 * l.machineBusy(),
                l.redisCpuMsPerImage(), l.nameNodeRpcPerImage(), l.zooKeeperPacketsPerImage(),
                r.audit() == null ? "" : r.audit().clean() ? "  outputs all decoded" : "  AUDIT: " + r.audit());
    }

    private static List<String> problems(ScaleJob.Run r, String job) {
        List<String> problems = new ArrayList<>();
        if (r.failed() > 0) {
            problems.add(job + ": " + r.failed() + " images failed");
        }
        if (r.audit() != null && (!r.audit().clean() || r.audit().outputs() != r.throughput().images())) {
            problems.add(job + ": " + r.audit());
        }
        return problems;
    }
}
