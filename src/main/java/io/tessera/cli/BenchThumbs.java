package io.tessera.cli;

import io.tessera.engine.bench.LoadAverage;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.images.ImageCheck;
import io.tessera.engine.images.ImageInspector;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.store.HdfsFiles;
import io.tessera.engine.thumbs.FirstScreenBenchmark;
import io.tessera.engine.thumbs.FirstScreenBenchmark.Scenario;
import io.tessera.engine.upload.ConflictPolicy;
import io.tessera.engine.upload.ConflictResolver;
import io.tessera.engine.upload.UploadListener;
import io.tessera.engine.upload.UploadRequest;
import io.tessera.engine.upload.UploadSummary;
import io.tessera.engine.upload.Uploader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `tessera bench thumbs`: the time to fill the HDFS panel's first screen of thumbnails for a folder of large photos,
 * cold (native, and the old Java path as the baseline, interleaved) and warm (shared cache, memory), and the last
 * screen after a scroll to the bottom (see {@link FirstScreenBenchmark}).
 */
@Command(name = "thumbs", description = "Time to fill the HDFS panel's first screen of thumbnails of a folder of 200 photos: cold (native, and the old Java path) and warm (shared cache, memory), and after a scroll to the bottom.")
final class BenchThumbs implements Callable<Integer> {
    /**
     * Cells the grid fills at the main window's default size (1500 x 940, grid area 896 x 678 px): 5 columns of 4 full
     * rows and a fifth row partly in view, 25 cells that each ask for a thumbnail (counted in the real window, headless).
     */
    static final int DEFAULT_CELLS = 25;

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--profile"}, description = "Profile to measure (default: a private embedded cluster).")
    String profileName;

    @Option(names = "--corpus", required = true, description = "Local folder of photos; those of 2 MP or more are used.")
    Path corpus;

    @Option(names = "--photos", defaultValue = "200", description = "Photos in the folder: the corpus's large ones repeated under new names (default: ${DEFAULT-VALUE}).")
    int photos;

    @Option(names = "--cells", defaultValue = "" + DEFAULT_CELLS, description = "Cells on the first screen (default: ${DEFAULT-VALUE}, the grid at the window's default size).")
    int cells;

    @Option(names = "--box", defaultValue = "160", description = "Thumbnail box, as the grid asks (default: ${DEFAULT-VALUE}).")
    int box;

    @Option(names = "--rounds", defaultValue = "7", description = "Rounds of both makers; medians are reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (photos < 1 || cells < 1 || 2 * cells > photos || rounds < 1) {
            throw new ReadableErrors.UserError("--photos, --cells and --rounds must be positive, and --photos at least two screens (2 × --cells)", 2);
        }
        List<Path> large = largePhotos();
        try (BenchTarget target = BenchTarget.open(profileName, "thumbs", out);
             ClusterConnection connection = new ClusterConnection(target.target())) {
            String root = "/tessera-bench/thumbs-" + UUID.randomUUID().toString().substring(0, 8);
            Path local = repeated(large, target.scratch().resolve("photos"));
            UploadSummary uploaded = new Uploader(connection).start(UploadRequest.of(List.of(local), root, ConflictPolicy.SKIP, 4),
                    UploadListener.NONE, ConflictResolver.SKIP_ALL).await();
            out.printf("%d photos (%d distinct of 2 MP or more from %s) uploaded: %s%n", photos, large.size(), corpus, UploadCommand.summaryLine(uploaded));
            out.printf("first screen: %d cells, box %d px; load average at start %s%n", cells, box, LoadAverage.text(LoadAverage.now()));
            out.flush();
            try {
                FirstScreenBenchmark.Result r = FirstScreenBenchmark.run(connection, root + "/photos", cells, box, rounds, line -> {
                    out.println(line);
                    out.flush();
                });
                out.printf("load average at end %s%n", LoadAverage.text(LoadAverage.now()));
                out.printf("medians of %d rounds:%n", rounds);
                for (Scenario scenario : Scenario.values()) {
                    out.printf(Locale.ROOT, "  %-22s listing %6.1f ms   first thumbnail %7.1f ms   %s (%d) %7.1f ms%n", scenario.label(),
                            r.medianListing(scenario), r.medianFirst(scenario), scenario == Scenario.AFTER_SCROLL ? "last screen " : "first screen",
                            cells, r.medianAll(scenario));
                }
                out.printf(Locale.ROOT, "  old / native (cold first screen): %.2f; after a scroll, %.0f photo(s) of the first screen decoded for nothing (in flight at the scroll)%n",
                        r.medianSpeedUp(), r.medianWasted(Scenario.AFTER_SCROLL));
            } finally {
                HdfsFiles files = new HdfsFiles(connection);
                files.deletePermanently(files.planDelete(List.of(root)));
            }
        }
        return 0;
    }

    /** The corpus's photos of at least 2 megapixels, in path order. */
    private List<Path> largePhotos() throws Exception {
        ImageInspector inspector = new ImageInspector(ImageLimits.DEFAULT);
        List<Path> large = new ArrayList<>();
        for (Path file : Corpus.images(corpus, 100_000)) {
            if (inspector.check(file) instanceof ImageCheck.Accepted(var header) && header.pixels() >= 2_000_000) {
                large.add(file);
            }
        }
        if (large.isEmpty()) {
            throw new ReadableErrors.UserError("no photos of 2 MP or more under " + corpus, 2);
        }
        return large;
    }

    /** {@code photos} copies cycling through the large photos, named {@code photo-NNN-<name>} so that name order is copy order. */
    private Path repeated(List<Path> large, Path folder) throws Exception {
        Files.createDirectories(folder);
        for (int i = 0; i < photos; i++) {
            Path photo = large.get(i % large.size());
            Files.copy(photo, folder.resolve(String.format("photo-%03d-%s", i, photo.getFileName())));
        }
        return folder;
    }
}
