package io.tessera.cli;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.store.EntryFilter;
import io.tessera.engine.store.FolderCursor;
import io.tessera.engine.store.HdfsBrowser;
import io.tessera.engine.store.HdfsEntry;
import io.tessera.engine.thumbs.RedisThumbnailCache;
import io.tessera.engine.thumbs.ThumbnailCache;
import io.tessera.engine.thumbs.ThumbnailKey;
import io.tessera.engine.thumbs.ThumbnailResult;
import io.tessera.engine.thumbs.ThumbnailService;
import io.tessera.engine.thumbs.ThumbnailSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Thumbnails of one photo set three ways, each through a fresh {@link ThumbnailService} (empty memory cache):
 * made from the local files (baseline), made from HDFS (and stored in Redis), and fetched from Redis by a
 * "second console". Every request is queued at once; the service's workers decide the pace.
 */
final class BenchThumbnails {
    private final PrintWriter out;
    private final int box;

    BenchThumbnails(PrintWriter out, int box) {
        this.out = out;
        this.box = box;
    }

    void run(ClusterConnection connection, String hdfsFolder, Path localFolder) throws Exception {
        ThumbnailSettings settings = ThumbnailSettings.DEFAULT.withMemoryBytes(1).withQueueCapacity(1_000_000);
        HdfsBrowser local = HdfsBrowser.onLocalDisk();
        List<ThumbnailKey> localKeys = keys(local, localFiles(localFolder));
        List<ThumbnailKey> hdfsKeys = keys(new HdfsBrowser(connection), hdfsFiles(new HdfsBrowser(connection), hdfsFolder));
        RedisThumbnailCache redis = RedisThumbnailCache.of(connection, settings.sharedTtl());
        for (ThumbnailKey key : hdfsKeys) {
            redis.remove(key); // a re-run must make them again
        }
        double localRate = rate(new ThumbnailService(ThumbnailService.storeSource(local), ThumbnailCache.NONE, settings), localKeys, "local files");
        double hdfsRate = rate(new ThumbnailService(ThumbnailService.storeSource(new HdfsBrowser(connection)), redis, settings), hdfsKeys, "HDFS (made, stored in Redis)");
        double sharedRate = rate(new ThumbnailService((p, m) -> {
            throw new IllegalStateException("read " + p);
        }, redis, settings), hdfsKeys, "Redis (second console)");
        out.printf(Locale.ROOT, "  HDFS/local: %.2f   Redis/HDFS: %.1f   (%d workers, box %d px)%n",
                hdfsRate / localRate, sharedRate / hdfsRate, settings.workers(), box);
        out.flush();
    }

    private double rate(ThumbnailService service, List<ThumbnailKey> keys, String label) {
        try (service) {
            long began = System.nanoTime();
            List<CompletableFuture<ThumbnailResult>> results = new ArrayList<>();
            for (ThumbnailKey key : keys) {
                CompletableFuture<ThumbnailResult> r = new CompletableFuture<>();
                service.request(key, r::complete);
                results.add(r);
            }
            long ready = results.stream().map(CompletableFuture::join).filter(r -> r instanceof ThumbnailResult.Ready).count();
            double seconds = BenchHdfs.seconds(began);
            double rate = keys.size() / seconds;
            out.printf(Locale.ROOT, "Thumbnails from %-30s %4d images (%d ready) in %6.2f s: %7.1f images/s%n", label, keys.size(), ready, seconds, rate);
            out.flush();
            return rate;
        }
    }

    private List<ThumbnailKey> keys(HdfsBrowser browser, List<String> paths) throws Exception {
        List<ThumbnailKey> keys = new ArrayList<>();
        for (String path : paths) {
            HdfsEntry e = browser.stat(path);
            keys.add(new ThumbnailKey(e.path(), box, e.modified().toEpochMilli(), e.size()));
        }
        return keys;
    }

    private static List<String> localFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().toString()).sorted().toList();
        }
    }

    private static List<String> hdfsFiles(HdfsBrowser browser, String folder) throws Exception {
        FolderCursor cursor = browser.list(folder, EntryFilter.ALL);
        List<String> paths = new ArrayList<>();
        cursor.nextPage(Integer.MAX_VALUE).stream().filter(e -> !e.directory()).forEach(e -> paths.add(e.path()));
        return paths;
    }
}
