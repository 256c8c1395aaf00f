package io.tessera.cli;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.worker.JobBenchmark;
import io.tessera.engine.worker.StageTimes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `tessera bench job`: a pipeline job over a local folder of photos (e.g. ../shared/corpus/make-sample.sh) through
 * HDFS, dispatch and a worker, beside the same engine on the same bytes from memory in the same run.
 */
@Command(name = "job", description = "A pipeline job through the full path vs the same ops on local bytes, as a ratio.")
final class BenchJob implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--profile"}, description = "Profile to measure (default: a private embedded cluster).")
    String profileName;

    @Option(names = "--corpus", required = true, description = "Local folder of images (searched recursively).")
    Path corpus;

    @Option(names = "--op", defaultValue = "thumbnail:256", description = "Ops of the pipeline (default: ${DEFAULT-VALUE}).")
    List<String> ops;

    @Option(names = "--threads", defaultValue = "2", description = "Worker threads, the same for the baseline (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--limit", defaultValue = "500", description = "At most this many images (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds of baseline then job; the median ratio is reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    /** Per stage: count, total, mean, and the share of the worker's thread time (job wall time × threads). */
    private static void printStages(PrintWriter out, JobBenchmark.Result r) {
        double threadSeconds = r.jobSeconds() * r.threads();
        out.printf("where the job's time went (all rounds; %.1f s wall × %d threads = %.1f thread-s):%n", r.jobSeconds(), r.threads(), threadSeconds);
        out.printf("  %-8s %8s %10s %10s %8s   %s%n", "stage", "count", "total s", "mean ms", "share", "direct mean ms");
        double accounted = 0;
        for (StageTimes.Stage stage : StageTimes.Stage.values()) {
            StageTimes.Figures job = r.job().of(stage);
            StageTimes.Figures direct = r.direct().of(stage);
            boolean perImage = stage != StageTimes.Stage.ACK; // acknowledgement waits run beside the threads, per task
            if (perImage) {
                accounted += job.totalSeconds();
            }
            out.printf("  %-8s %8d %10.2f %10.2f %8s   %s%n", stage.name().toLowerCase(java.util.Locale.ROOT), job.count(), job.totalSeconds(),
                    job.meanMillis(), perImage ? String.format("%.0f%%", 100 * job.totalSeconds() / threadSeconds) : "-",
                    direct.count() == 0 ? "-" : String.format("%.2f", direct.meanMillis()));
        }
        out.printf("  %-8s %8s %10.2f %10s %7.0f%%   (waiting for tasks, dispatch, events)%n", "other", "", threadSeconds - accounted, "",
                100 * (threadSeconds - accounted) / threadSeconds);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> images = Corpus.images(corpus, limit);
        Pipeline pipeline = Pipeline.parse(ops, null);
        try (BenchTarget target = BenchTarget.open(profileName, "job", out);
             ClusterConnection connection = new ClusterConnection(target.target())) {
            if (rounds < 1 || rounds > 50) {
                throw new ReadableErrors.UserError("--rounds must be between 1 and 50, not " + rounds, 2);
            }
            JobBenchmark.Result r = JobBenchmark.run(connection, images, pipeline, threads, rounds);
            out.printf("%d images, %.1f MB, %s, %d threads, %d rounds%n", r.images(), r.bytes() / 1e6, pipeline, threads, rounds);
            for (int i = 0; i < r.rounds().size(); i++) {
                JobBenchmark.Round round = r.rounds().get(i);
                out.printf("round %d: direct %7.1f images/s   job %7.1f images/s   job/direct %.2f%n", i + 1,
                        round.directImagesPerSecond(), round.jobImagesPerSecond(), round.ratio());
            }
            out.printf("median job/direct %.2f   (%d failed)%n", r.medianRatio(), r.failed());
            printStages(out, r);
        }
        return 0;
    }
}
