package io.tessera.cli;

import io.tessera.engine.bench.BenchSet;
import io.tessera.engine.bench.BenchSets;
import io.tessera.engine.bench.CpuClock;
import io.tessera.engine.bench.LoadAverage;
import io.tessera.engine.bench.VipsThumbnail;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.ops.OutputFormat;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.worker.JobBenchmark;
import io.tessera.engine.worker.JobBenchmark.Contender;
import io.tessera.engine.worker.StageTimes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `tessera bench job`: thumbnails of a local folder of photos (e.g. ../shared/corpus/make-sample.sh) four ways,
 * interleaved in one run, per set (JPEG, PNG, mixed with WebP): vipsthumbnail (the reference), the native engine on
 * bytes in memory, the old Java path, and the full job path through HDFS, dispatch and a worker; ratios and the
 * worker's stage times.
 */
@Command(name = "job", description = "vipsthumbnail, the engine on bytes in memory, the old Java path and the full job path, interleaved, per set.")
final class BenchJob implements Callable<Integer> {
    private static final Pattern THUMBNAIL = Pattern.compile("thumbnail:(\\d+)");

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--profile"}, description = "Profile to measure (default: a private embedded cluster).")
    String profileName;

    @Option(names = "--corpus", required = true, description = "Local folder of images (searched recursively).")
    Path corpus;

    @Option(names = "--op", defaultValue = "thumbnail:256", description = "Ops of the pipeline (default: ${DEFAULT-VALUE}).")
    List<String> ops;

    @Option(names = "--threads", defaultValue = "2", description = "Worker threads; the same for the others, and vipsthumbnail processes (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--limit", defaultValue = "500", description = "At most this many images from the corpus (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds; medians are reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--reference-rounds", defaultValue = "1",
            description = "Rounds that also run the old Java path (about 10x slower); 0 leaves it out (default: ${DEFAULT-VALUE}).")
    int referenceRounds;

    @Option(names = "--sets", split = ",", defaultValue = "jpeg,png,mixed", description = "Sets to run: jpeg, png, mixed (default: ${DEFAULT-VALUE}).")
    List<String> setNames;

    @Option(names = "--repeat", defaultValue = "2",
            description = "Times over each set per round and contender (the old Java path once), for longer measurements (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warm-up", defaultValue = "1500",
            description = "Images of an untimed warm-up job before the rounds (the sets' files over and over; default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--warm-up-small", defaultValue = "20000",
            description = "Images of an untimed warm-up job of small copies (64 px) first: the storage and dispatch code runs as many times "
                    + "as in a long job, so the JIT has compiled it before the rounds (default: ${DEFAULT-VALUE}).")
    int warmUpSmall;

    @Option(names = "--no-vips", description = "Leave vipsthumbnail out even when it is installed.")
    boolean noVips;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (rounds < 1 || rounds > 50 || referenceRounds < 0 || referenceRounds > rounds || repeat < 1 || repeat > 100 || warmUp < 0
                || warmUpSmall < 0) {
            throw new ReadableErrors.UserError(
                    "--rounds must be 1 to 50, --reference-rounds 0 to --rounds, --repeat 1 to 100, --warm-up and --warm-up-small 0 or more", 2);
        }
        Pipeline pipeline = Pipeline.parse(ops, null);
        Optional<Integer> box = vipsBox(pipeline);
        Optional<VipsThumbnail> vips = noVips ? Optional.empty() : VipsThumbnail.find();
        try (BenchTarget target = BenchTarget.open(profileName, "job", out);
             ClusterConnection connection = new ClusterConnection(target.target())) {
            List<BenchSet> sets = BenchSets.of(Corpus.images(corpus, limit), target.scratch().resolve("webp")).stream()
                    .filter(s -> setNames.contains(s.name())).toList();
            if (sets.isEmpty()) {
                throw new ReadableErrors.UserError("no JPEG, PNG or mixed set for " + setNames + " under " + corpus, 2);
            }
            printHeader(out, pipeline, box, vips, sets);
            JobBenchmark.Options options = new JobBenchmark.Options(pipeline, threads, rounds, referenceRounds, box,
                    (int) Math.round(pipeline.format().quality() * 100), repeat, warmUp, warmUpSmall);
            JobBenchmark.Result r = JobBenchmark.run(connection, sets, options, vips, target.scratch(), line -> {
                out.println(line);
                out.flush();
            });
            out.printf("load average at start %s, at end %s%n%n", LoadAverage.text(r.loadAtStart()), LoadAverage.text(r.loadAtEnd()));
            printSummary(out, r);
            for (JobBenchmark.SetFigures set : r.sets()) {
                printStages(out, set, r.threads());
            }
        }
        return 0;
    }

    /** The box vipsthumbnail gets: only a lone {@code thumbnail:N} to JPEG is the same work as its command. */
    static Optional<Integer> vipsBox(Pipeline pipeline) {
        Matcher m = THUMBNAIL.matcher(String.join(" ", pipeline.specs()));
        return m.matches() && pipeline.format().kind() == OutputFormat.Kind.JPEG ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private void printHeader(PrintWriter out, Pipeline pipeline, Optional<Integer> box, Optional<VipsThumbnail> vips, List<BenchSet> sets)
            throws Exception {
        out.printf("%s to %s, %d threads, %d rounds (the old Java path in %d), each set %d time(s) over per round%n", pipeline.specs(),
                pipeline.format().spec(), threads, rounds, referenceRounds, repeat);
        if (box.isEmpty()) {
            out.println("vipsthumbnail: left out (only a lone thumbnail:N to JPEG is the same work as its command)");
        } else if (vips.isEmpty()) {
            out.println("vipsthumbnail: " + (noVips ? "left out (--no-vips)" : "not installed, left out (" + VipsThumbnail.INSTALL_HINT + ")"));
        } else {
            out.printf("vipsthumbnail: %s, %d processes, each `%s` over its share of the files%n", vips.get().version(), threads,
                    VipsThumbnail.commandText(box.get(), (int) Math.round(pipeline.format().quality() * 100)));
        }
        for (BenchSet set : sets) {
            out.printf("set %-6s %3d images, %6.1f MB: %s%n", set.name(), set.files().size(), set.bytes() / 1e6, set.note());
        }
        out.flush();
    }

    private static void printSummary(PrintWriter out, JobBenchmark.Result r) {
        out.println("medians (images/s; ratios are medians of the rounds' ratios):");
        out.printf("  %-6s %6s %14s %14s %14s %14s %12s %9s %9s %11s%n", "set", "images", "vipsthumbnail", "native direct", "old Java path",
                "full job path", "direct/vips", "job/vips", "old/vips", "job/direct");
        for (JobBenchmark.SetFigures set : r.sets()) {
            out.printf(Locale.ROOT, "  %-6s %6d %14s %14s %14s %14s %12s %9s %9s %11s%n", set.set().name(), set.set().files().size(),
                    rate(set.median(Contender.VIPS)), rate(set.median(Contender.DIRECT)), rate(set.median(Contender.REFERENCE)),
                    rate(set.median(Contender.JOB)), ratio(set.medianRatio(Contender.DIRECT, Contender.VIPS)),
                    ratio(set.medianRatio(Contender.JOB, Contender.VIPS)), ratio(set.medianRatio(Contender.REFERENCE, Contender.VIPS)),
                    ratio(set.medianRatio(Contender.JOB, Contender.DIRECT)));
        }
        out.println("  goals (issue 11, 2 threads, quiet machine): direct/vips >= 1.2, job/vips >= 1.0, job/direct >= 0.9");
        out.println("CPU per image (ms; this process and its children: the embedded cluster, Redis, vipsthumbnail), and of it JIT compiling and GC:");
        for (JobBenchmark.SetFigures set : r.sets()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-6s", set.set().name()));
            for (Contender c : Contender.values()) {
                double cpu = set.perImageMillis(c, CpuClock.Reading::cpuNanos);
                if (!Double.isNaN(cpu)) {
                    line.append(String.format(Locale.ROOT, "  %s %.1f (JIT %.1f, GC %.1f)", c.label(), cpu, set.perImageMillis(c, CpuClock.Reading::jitNanos),
                            set.perImageMillis(c, CpuClock.Reading::gcNanos)));
                }
            }
            out.println(line);
        }
        out.println();
    }

    private static String rate(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * Per stage: count, total, mean, and the share of the worker's compute-slot time (job wall time x threads). Computing
     * stages fill the slots; what they leave is idle (nothing to compute: submitting, dispatch, storage I/O not overlapped,
     * the last task's tail). Storage I/O and slot waits run in the image lanes and may overlap computing.
     */
    private static void printStages(PrintWriter out, JobBenchmark.SetFigures set, int threads) {
        double slotSeconds = set.jobSeconds() * threads;
        out.printf(Locale.ROOT, "where the job's time went, set %s (%d job rounds: %.2f s wall x %d compute slots = %.2f slot-s; %d failed):%n",
                set.set().name(), set.jobRounds(), set.jobSeconds(), threads, slotSeconds, set.failed());
        out.printf("  %-9s %7s %9s %9s %9s   %s%n", "stage", "count", "total s", "mean ms", "of slot-s", "direct mean ms");
        for (StageTimes.Side side : StageTimes.Side.values()) {
            for (StageTimes.Stage stage : StageTimes.Stage.values()) {
                if (stage.side() != side) {
                    continue;
                }
                StageTimes.Figures job = set.job().of(stage);
                StageTimes.Figures direct = set.direct().of(stage);
                out.printf(Locale.ROOT, "  %-9s %7d %9.2f %9.2f %8.0f%%   %s%n", stage.name().toLowerCase(Locale.ROOT), job.count(), job.totalSeconds(),
                        job.meanMillis(), 100 * job.totalSeconds() / slotSeconds, direct.count() == 0 ? "-" : String.format(Locale.ROOT, "%.2f", direct.meanMillis()));
            }
            if (side == StageTimes.Side.COMPUTE) {
                double idle = slotSeconds * JobBenchmark.SetFigures.idleShare(set.job(), set.jobSeconds(), threads);
                out.printf(Locale.ROOT, "  %-9s %7s %9.2f %9s %8.0f%%   direct %.0f%% (slots with nothing to compute; the stages below run beside them)%n",
                        "idle", "", idle, "", 100 * idle / slotSeconds, 100 * JobBenchmark.SetFigures.idleShare(set.direct(), set.directSeconds(), threads));
            }
        }
        out.printf(Locale.ROOT, "  %-9s %7d %9.2f %9.2f %8.0f%%   (listing, planning, ZooKeeper, filling the queue: every slot idle meanwhile)%n",
                "submit", set.jobRounds(), set.submitSeconds(), 1000 * set.submitSeconds() / Math.max(1, set.jobRounds()),
                100 * set.submitSeconds() * threads / slotSeconds);
        spanLine(out, "start", set.jobRounds(), set.startSeconds(), threads, slotSeconds,
                "(from submitting to the first image computing, submit included: every slot idle)");
        spanLine(out, "tail", set.jobRounds(), set.tailSeconds(), threads, slotSeconds,
                "(from the last image computed to the job seen done: every slot idle)");
        out.println();
        out.flush();
    }

    /** A stretch of each job with every slot idle: per job, and its share of the slot time. */
    private static void spanLine(PrintWriter out, String name, int jobs, double seconds, int threads, double slotSeconds, String note) {
        out.printf(Locale.ROOT, "  %-9s %7d %9.2f %9.2f %8.0f%%   %s%n", name, jobs, seconds, 1000 * seconds / Math.max(1, jobs),
                100 * seconds * threads / slotSeconds, note);
    }
}
