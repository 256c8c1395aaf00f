package io.tessera.cli;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.chaos.ChaosBenchmark;
import io.tessera.engine.chaos.ChaosOptions;
import io.tessera.engine.chaos.GeneratedImages;
import io.tessera.engine.chaos.WorkerLauncher;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.profile.ConnectionProfile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `tessera bench chaos`: a job over `tessera worker` JVMs while one of them, at random, is SIGKILLed every few
 * seconds and replaced, after the same job without kills as the baseline. Prints images/s of both and their ratio,
 * then lost and duplicated inputs (see {@link ChaosBenchmark}); exits 1 unless both jobs finished with both 0 and
 * nothing else amiss.
 */
@Command(name = "chaos", description = "A job over worker JVMs, one SIGKILLed every few seconds and replaced: images/s, lost, duplicated (exit 1 unless both are 0).")
final class BenchChaos implements Callable<Integer> {
    /** The audit reads outcome events from the results stream, which keeps about 100,000 events. */
    private static final int MAX_IMAGES = 50_000;

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--profile"}, description = "Profile to run on (default: a private embedded cluster).")
    String profileName;

    @Option(names = "--images", defaultValue = "1000", description = "Images in the job (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--corpus", description = "Local folder of images, searched recursively; the first --images of them (default: generated JPEGs).")
    Path corpus;

    @Option(names = "--size", defaultValue = "800x600", description = "Width x height of generated images (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--op", defaultValue = "thumbnail:256", description = "Ops of the pipeline (default: ${DEFAULT-VALUE}).")
    List<String> ops;

    @Option(names = "--workers", defaultValue = "3", description = "Worker JVMs running at once (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--threads", defaultValue = "2", description = "Image threads per worker (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--kill-every", defaultValue = "5", description = "Seconds between two kills; decimals allowed (default: ${DEFAULT-VALUE}).")
    double killEvery;

    @Option(names = "--visibility-timeout", defaultValue = "5", description = "Seconds before a killed worker's tasks go to others (default: ${DEFAULT-VALUE}).")
    int visibilitySeconds;

    @Option(names = "--timeout", defaultValue = "30", description = "Minutes before the run gives up on the job (default: ${DEFAULT-VALUE}).")
    int timeoutMinutes;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated images and of the choice of victims (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-baseline", description = "Skip the baseline job without kills.")
    boolean noBaseline;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (images < 1 || images > MAX_IMAGES) {
            throw new ReadableErrors.UserError("--images must be between 1 and " + MAX_IMAGES + ", not " + images, 2);
        }
        ChaosOptions options;
        try {
            options = new ChaosOptions(Pipeline.parse(ops, null), workers, threads, Duration.ofMillis(Math.round(killEvery * 1000)),
                    Duration.ofSeconds(visibilitySeconds), Duration.ofMinutes(timeoutMinutes), seed, !noBaseline);
        } catch (IllegalArgumentException e) {
            throw new ReadableErrors.UserError(e.getMessage(), 2);
        }
        try (BenchTarget target = BenchTarget.open(profileName, "chaos", out);
             ClusterConnection connection = new ClusterConnection(target.target())) {
            List<Path> files = corpus != null ? Corpus.images(corpus, images) : generated(target.scratch().resolve("images"));
            out.printf("chaos: %d images (%s), %s, %d workers x %d threads, one SIGKILLed every %s s (its tasks taken over after %d s)%n",
                    files.size(), corpus != null ? corpus.toString() : "generated " + size + " JPEG", options.pipeline(), workers, threads,
                    killEvery, visibilitySeconds);
            out.flush();
            ChaosBenchmark.Result r = ChaosBenchmark.run(connection, files, options, launcher(target), line -> {
                out.println("  " + line);
                out.flush();
            });
            print(out, r);
            return r.clean() ? 0 : 1;
        }
    }

    private List<Path> generated(Path folder) throws Exception {
        String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            return GeneratedImages.write(folder, images, Integer.parseInt(wh[0].strip()), Integer.parseInt(wh[1].strip()), seed);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new ReadableErrors.UserError("--size must be WIDTHxHEIGHT, e.g. 800x600, not '" + size + "'", 2);
        } catch (IllegalArgumentException e) {
            throw new ReadableErrors.UserError(e.getMessage(), 2);
        }
    }

    /**
     * `tessera worker` JVMs on the cluster being measured: the private cluster's home and its Local profile, or the
     * named profile in this process's home. Their output goes to chaos-worker-N.out in the logs folder.
     */
    private WorkerLauncher launcher(BenchTarget target) throws Exception {
        List<String> jvm = new ArrayList<>();
        target.privateHome().or(() -> java.util.Optional.ofNullable(System.getProperty("tessera.home")).map(Path::of))
                .ifPresent(home -> jvm.add("-Dtessera.home=" + home));
        if (System.getProperty("tessera.log.dir") != null) {
            jvm.add("-Dtessera.log.dir=" + System.getProperty("tessera.log.dir"));
        }
        String profile = target.privateHome().isPresent() ? ConnectionProfile.LOCAL_NAME : profileName;
        Path logs = Files.createDirectories(AppDirectories.fromEnvironment().state().resolve("logs"));
        return (number, keys, workerThreads, visibility) -> new ProcessBuilder(TesseraJvm.command(jvm, List.of("worker", "--profile", profile,
                "--threads", Integer.toString(workerThreads), "--key-prefix", keys.prefix(), "--visibility-timeout", Long.toString(visibility.toSeconds()))))
                .redirectErrorStream(true).redirectOutput(logs.resolve("chaos-worker-" + number + ".out").toFile()).start();
    }

    private static String workers(int n) {
        return n + (n == 1 ? " worker" : " workers");
    }

    private static void print(PrintWriter out, ChaosBenchmark.Result r) {
        if (r.calm() != null) {
            out.printf("baseline, no kills: %s%n", figures(r.calm()));
        }
        out.printf("chaos, %s SIGKILLed: %s%n", workers(r.chaos().kills()), figures(r.chaos()));
        if (r.calm() != null) {
            out.printf("chaos / baseline: %.2f   (%d worker JVMs started in all)%n", r.ratio(), r.workersStarted());
        }
        out.printf("lost: %d%n", r.lost());
        out.printf("duplicated: %d%n", r.duplicated());
        for (ChaosBenchmark.Round round : r.calm() == null ? List.of(r.chaos()) : List.of(r.calm(), r.chaos())) {
            var a = round.audit();
            out.printf("%s job: %d inputs, %d outputs decoded, %d failed; %d undecodable outputs, %d temporaries left, %d stray files, "
                    + "%d inputs without an outcome event; counters: %d tasks, %d done, %d failed, %d retried, %d dead%n",
                    round == r.chaos() ? "chaos" : "baseline", a.inputs(), a.outputs(), a.failed(), a.undecodable().size(), a.temporaries().size(),
                    a.strays().size(), a.unrecorded().size(), round.counts().tasks(), round.counts().done(), round.counts().failed(),
                    round.counts().retried(), round.counts().dead());
            for (var problem : List.of(a.lost(), a.duplicated(), a.undecodable(), a.temporaries(), a.strays(), a.unrecorded())) {
                problem.stream().limit(10).forEach(line -> out.println("  " + line));
            }
        }
        out.flush();
    }

    private static String figures(ChaosBenchmark.Round round) {
        return round.finished() ? String.format("%.1f images/s (%.1f s)", round.imagesPerSecond(), round.seconds())
                : String.format("NOT FINISHED after %.1f s: %s", round.seconds(), round.counts());
    }
}
