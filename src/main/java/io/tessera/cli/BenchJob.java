package io.tessera.cli;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.images.ImageFormat;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.worker.JobBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> images;
        try (Stream<Path> files = Files.walk(corpus)) {
            images = files.filter(Files::isRegularFile).filter(p -> ImageFormat.hasImageExtension(p.getFileName().toString()))
                    .sorted().limit(limit).toList();
        }
        if (images.isEmpty()) {
            throw new ReadableErrors.UserError("no images under " + corpus, 2);
        }
        Pipeline pipeline = Pipeline.parse(ops, null);
        try (BenchTarget target = BenchTarget.open(profileName, "job", out);
             ClusterConnection connection = new ClusterConnection(target.target())) {
            JobBenchmark.Result r = JobBenchmark.run(connection, images, pipeline, threads);
            out.printf("%d images, %.1f MB, %s, %d threads%n", r.images(), r.bytes() / 1e6, pipeline, threads);
            out.printf("direct (memory, same engine)   %8.1f images/s%n", r.directImagesPerSecond());
            out.printf("job (HDFS + Redis + worker)    %8.1f images/s%n", r.jobImagesPerSecond());
            out.printf("job/direct                     %8.2f   (%d failed)%n", r.ratio(), r.failed());
        }
        return 0;
    }
}
