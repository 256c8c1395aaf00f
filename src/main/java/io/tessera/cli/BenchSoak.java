package io.tessera.cli;

import io.tessera.engine.bench.LoadAverage;
import io.tessera.engine.bench.SoakBenchmark;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `tessera bench soak`: thousands of images through the native path, cycling a folder of photos, with this process's memory sampled. */
@Command(name = "soak", description = "Many images through the native path while resident and native memory are sampled: flat or not.")
final class BenchSoak implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", required = true, description = "Local folder of images to cycle through (searched recursively).")
    Path corpus;

    @Option(names = "--images", defaultValue = "10000", description = "Images to process in all (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--threads", defaultValue = "2", description = "Threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--every", defaultValue = "500", description = "A sample every this many images (default: ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--warm-up", defaultValue = "1000", description = "Images before the 'after warm-up' sample (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (images < 1 || threads < 1 || every < 1 || warmUp < 1 || warmUp >= images) {
            throw new ReadableErrors.UserError("--images, --threads and --every must be positive, --warm-up between 1 and --images", 2);
        }
        List<byte[]> photos = new ArrayList<>();
        for (Path file : Corpus.images(corpus, 10_000)) {
            photos.add(Files.readAllBytes(file));
        }
        out.printf("%d images cycling %d photos, %d threads; routes in turn: %s | %s | console thumbnail (box 160)%n", images, photos.size(),
                threads, String.join(",", SoakBenchmark.PIPELINES.get(0)), String.join(",", SoakBenchmark.PIPELINES.get(1)));
        out.printf("JVM: %s; max heap %d MB; load average at start %s%n", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
                Runtime.getRuntime().maxMemory() >> 20, LoadAverage.text(LoadAverage.now()));
        out.printf("%-6s %8s %9s %12s %14s %13s %15s%n", "", "images", "seconds", "VmRSS MB", "physical MB", "javacpp MB", "heap comm. MB");
        out.flush();
        SoakBenchmark.Result r = SoakBenchmark.run(photos, images, threads, every, warmUp, s -> {
            print(out, "", s);
            out.flush();
        });
        out.printf("load average at end %s; %d images in %.1f s (%.1f images/s), %d failed%n", LoadAverage.text(LoadAverage.now()), r.images(),
                r.seconds(), r.images() / r.seconds(), r.failed());
        print(out, "start", r.start());
        print(out, "warm", r.warmUp());
        print(out, "end", r.end());
        out.printf(Locale.ROOT, "max VmRSS %d MB; after the warm-up %+d MB (slope %+.1f MB per 1,000 images): %s%n", r.maxResident() >> 20,
                r.residentGrowth() >> 20, r.residentSlopePer1000() / (1 << 20), r.flat() ? "flat" : "NOT flat");
        if (!heapPreTouched()) {
            out.println("note: the heap was not pre-touched, so resident memory also grows as the collector first uses heap pages it had"
                    + " only reserved; for a verdict on native memory alone run the JVM with -Xms equal to -Xmx and -XX:+AlwaysPreTouch");
        }
        return r.flat() && r.failed() == 0 ? 0 : 1;
    }

    /** Whether the whole heap was resident from the start (-XX:+AlwaysPreTouch and -Xms as large as -Xmx). */
    private static boolean heapPreTouched() {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return args.contains("-XX:+AlwaysPreTouch")
                && ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >= Runtime.getRuntime().maxMemory();
    }

    private static void print(PrintWriter out, String label, SoakBenchmark.Sample s) {
        out.printf(Locale.ROOT, "%-6s %8d %9.1f %12.1f %14.1f %13.2f %15.1f%n", label, s.images(), s.seconds(), s.residentBytes() / 1048576.0,
                s.physicalBytes() / 1048576.0, s.javacppBytes() / 1048576.0, s.heapCommittedBytes() / 1048576.0);
    }
}
