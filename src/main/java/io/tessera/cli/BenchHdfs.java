package io.tessera.cli;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.store.EmptyFiles;
import io.tessera.engine.store.EntryFilter;
import io.tessera.engine.store.FolderCursor;
import io.tessera.engine.store.HdfsBrowser;
import io.tessera.engine.store.HdfsEntry;
import io.tessera.engine.store.HdfsFiles;
import io.tessera.engine.upload.ConflictPolicy;
import io.tessera.engine.upload.ConflictResolver;
import io.tessera.engine.upload.UploadListener;
import io.tessera.engine.upload.UploadRequest;
import io.tessera.engine.upload.UploadSummary;
import io.tessera.engine.upload.Uploader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `tessera bench hdfs`: listing throughput of a large folder against the same listing of the local disk,
 * and thumbnail throughput from HDFS against the same thumbnails from local files (see {@link BenchThumbnails}).
 * Without --profile it starts a private embedded cluster in a scratch folder, and removes it after.
 */
@Command(name = "hdfs", description = "Listing and thumbnail throughput on HDFS, each as a ratio against the local disk in the same run.")
final class BenchHdfs implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--profile"}, description = "Profile to measure (default: a private embedded cluster started for the run).")
    String profileName;

    @Option(names = "--files", defaultValue = "100000", description = "Entries in the listed folder (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--images", description = "A folder of photos for the thumbnail part (e.g. made by make-sample.sh); skipped without it.")
    Path images;

    @Option(names = "--box", defaultValue = "256", description = "Thumbnail box in pixels (default: ${DEFAULT-VALUE}).")
    int box;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (BenchTarget bench = BenchTarget.open(profileName, "hdfs", out);
             ClusterConnection connection = new ClusterConnection(bench.target())) {
            String root = "/tessera-bench/" + UUID.randomUUID();
            listing(out, connection, root, bench.scratch());
            if (images != null) {
                String set = root + "/images";
                upload(out, connection, set);
                new BenchThumbnails(out, box).run(connection, set + "/" + images.toAbsolutePath().normalize().getFileName(), images);
            }
            new HdfsFiles(connection).deletePermanently(new HdfsFiles(connection).planDelete(List.of(root)));
        }
        return 0;
    }

    private void listing(PrintWriter out, ClusterConnection connection, String root, Path scratch) throws Exception {
        String folder = root + "/listing";
        new HdfsFiles(connection).mkdir(folder);
        long began = System.nanoTime();
        EmptyFiles.create(connection, folder, files, "f", "jpg", 64);
        double createSeconds = seconds(began);
        Path localFolder = Files.createDirectories(scratch.resolve("listing"));
        for (int i = 0; i < files; i++) {
            Files.createFile(localFolder.resolve(String.format("f-%06d.jpg", i)));
        }
        out.printf(Locale.ROOT, "Listing: %d empty files created in HDFS in %.1f s (%.0f files/s)%n", files, createSeconds, files / createSeconds);
        Timing hdfs = list(new HdfsBrowser(connection), folder);
        Timing local = listLocal(localFolder);
        out.println("                     first page (200) ms   full listing ms   entries/s   server calls");
        out.printf(Locale.ROOT, "  HDFS               %19.1f %17.0f %11.0f %14d%n", hdfs.firstPageMs, hdfs.totalMs, files / (hdfs.totalMs / 1000), hdfs.calls);
        out.printf(Locale.ROOT, "  local disk (nio)   %19.1f %17.0f %11.0f %14d%n", local.firstPageMs, local.totalMs, files / (local.totalMs / 1000), local.calls);
        out.printf(Locale.ROOT, "  HDFS/local entries/s: %.2f   HDFS first page / HDFS full listing: %.4f%n",
                local.totalMs / hdfs.totalMs, hdfs.firstPageMs / hdfs.totalMs);
        out.flush();
    }

    private record Timing(double firstPageMs, double totalMs, int calls) {}

    /** Best of three, as the UI does it: a first page of 200, then pages of 1000 until the end. */
    private Timing list(HdfsBrowser browser, String folder) throws Exception {
        Timing best = null;
        for (int run = 0; run < 3; run++) {
            long began = System.nanoTime();
            FolderCursor cursor = browser.list(folder, EntryFilter.ALL);
            long count = cursor.nextPage(200).size();
            double first = seconds(began) * 1000;
            for (List<HdfsEntry> page = cursor.nextPage(1000); !page.isEmpty(); page = cursor.nextPage(1000)) {
                count += page.size();
            }
            double total = seconds(began) * 1000;
            if (count != files) {
                throw new IllegalStateException("listed " + count + " of " + files + " in " + folder);
            }
            if (best == null || total < best.totalMs) {
                best = new Timing(first, total, cursor.serverCalls());
            }
        }
        return best;
    }

    /**
     * The baseline: the same count listed from the local disk with java.nio, reading what a detail view shows
     * (size, time, owner, group, permissions). Hadoop's own local file system is no baseline: without its
     * native library it starts an `ls` process per file for owner and permissions.
     */
    private Timing listLocal(Path folder) throws Exception {
        Timing best = null;
        for (int run = 0; run < 3; run++) {
            long began = System.nanoTime();
            double first = 0;
            long count = 0;
            try (var entries = Files.newDirectoryStream(folder)) {
                for (Path p : entries) {
                    var a = Files.readAttributes(p, java.nio.file.attribute.PosixFileAttributes.class);
                    if (a.owner() != null && a.size() >= 0 && a.lastModifiedTime() != null && a.permissions() != null) {
                        count++;
                    }
                    if (count == 200) {
                        first = seconds(began) * 1000;
                    }
                }
            }
            double total = seconds(began) * 1000;
            if (count != files) {
                throw new IllegalStateException("listed " + count + " of " + files + " in " + folder);
            }
            if (best == null || total < best.totalMs) {
                best = new Timing(first, total, 1);
            }
        }
        return best;
    }

    private void upload(PrintWriter out, ClusterConnection connection, String set) throws Exception {
        UploadRequest request = UploadRequest.of(List.of(images), set, ConflictPolicy.SKIP, 4);
        UploadSummary summary = new Uploader(connection).start(request, UploadListener.NONE, ConflictResolver.SKIP_ALL).await();
        out.printf(Locale.ROOT, "Upload: %s%n", UploadCommand.summaryLine(summary));
        out.flush();
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
