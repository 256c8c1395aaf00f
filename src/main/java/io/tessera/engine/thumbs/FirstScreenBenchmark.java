package io.tessera.engine.thumbs;

import io.tessera.engine.bench.Medians;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.images.Thumbnail;
import io.tessera.engine.images.ThumbnailMaker;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.ops.reference.ReferencePipeline;
import io.tessera.engine.store.EntryFilter;
import io.tessera.engine.store.EntryOrder;
import io.tessera.engine.store.HdfsBrowser;
import io.tessera.engine.store.HdfsEntry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The HDFS panel's first screen of thumbnails, as the panel gets it: the folder's first page listed through
 * {@link HdfsBrowser} (sorted by name, as the grid shows it), then one request per visible cell, in cell order, to a
 * fresh {@link ThumbnailService} with the console's settings and the shared Redis cache (emptied of these thumbnails
 * first: a first visit), until every cell has its answer. Two makers, interleaved in an order that alternates by
 * round: the native {@link ThumbnailMaker} and, as the "before", one built on the old Java path
 * ({@link ReferencePipeline}: {@code thumbnail:BOX}, {@code auto-orient}, JPEG at 85 %).
 */
public final class FirstScreenBenchmark {
    private static final long TIMEOUT_MINUTES = 10;

    public enum Maker {
        NATIVE("native ThumbnailMaker"), REFERENCE("old Java path");

        private final String label;

        Maker(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One screen filled: listing time, time to the first thumbnail shown and to the last, and how many were made. */
    public record Screen(double listingMillis, double firstMillis, double allMillis, int ready) {}

    public record Result(int cells, int box, List<Map<Maker, Screen>> rounds) {
        public double medianAll(Maker maker) {
            return Medians.of(rounds.stream().map(r -> r.get(maker).allMillis()).toList());
        }

        public double medianFirst(Maker maker) {
            return Medians.of(rounds.stream().map(r -> r.get(maker).firstMillis()).toList());
        }

        public double medianListing(Maker maker) {
            return Medians.of(rounds.stream().map(r -> r.get(maker).listingMillis()).toList());
        }

        /** Median over the rounds of the old path's time over the native one's: how many times faster the first screen fills now. */
        public double medianSpeedUp() {
            return Medians.of(rounds.stream().map(r -> r.get(Maker.REFERENCE).allMillis() / r.get(Maker.NATIVE).allMillis()).toList());
        }
    }

    private FirstScreenBenchmark() {}

    /**
     * @param folder an HDFS folder of photos
     * @param cells  how many cells the grid shows at once
     */
    public static Result run(ClusterConnection connection, String folder, int cells, int box, int rounds, Consumer<String> progress) throws Exception {
        ThumbnailSettings settings = ThumbnailSettings.DEFAULT;
        RedisThumbnailCache shared = new RedisThumbnailCache(connection.redis(), settings.sharedTtl(), settings.failureTtl());
        HdfsBrowser browser = new HdfsBrowser(connection);
        Map<Maker, BiFunction<byte[], Integer, ThumbnailMaker.Outcome>> makers = new EnumMap<>(Maker.class);
        makers.put(Maker.NATIVE, new ThumbnailMaker(settings.limits())::make);
        makers.put(Maker.REFERENCE, referenceMaker(settings.limits(), box));
        for (Maker maker : Maker.values()) {
            fill(browser, shared, settings, makers.get(maker), folder, Math.min(4, cells), box); // warm-up, untimed
        }
        List<Map<Maker, Screen>> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Map<Maker, Screen> screens = new EnumMap<>(Maker.class);
            List<Maker> order = round % 2 == 0 ? List.of(Maker.NATIVE, Maker.REFERENCE) : List.of(Maker.REFERENCE, Maker.NATIVE);
            for (Maker maker : order) {
                System.gc();
                Screen screen = fill(browser, shared, settings, makers.get(maker), folder, cells, box);
                screens.put(maker, screen);
                progress.accept(String.format(java.util.Locale.ROOT, "round %d %-22s listing %6.1f ms, first thumbnail %7.1f ms, all %d in %7.1f ms",
                        round + 1, maker.label(), screen.listingMillis(), screen.firstMillis(), screen.ready(), screen.allMillis()));
            }
            results.add(screens);
        }
        return new Result(cells, box, results);
    }

    /** The first screen from nothing: the shared cache emptied of its thumbnails, a fresh service (empty memory cache). */
    private static Screen fill(HdfsBrowser browser, RedisThumbnailCache shared, ThumbnailSettings settings,
                               BiFunction<byte[], Integer, ThumbnailMaker.Outcome> maker, String folder, int cells, int box) throws Exception {
        for (HdfsEntry entry : firstPage(browser, folder, cells)) {
            shared.remove(ThumbnailService.keyOf(entry, box));
        }
        try (ThumbnailService service = new ThumbnailService(ThumbnailService.storeSource(browser), shared, settings, maker)) {
            long start = System.nanoTime();
            List<HdfsEntry> screen = firstPage(browser, folder, cells);
            double listed = (System.nanoTime() - start) / 1e6;
            CountDownLatch answered = new CountDownLatch(screen.size());
            AtomicLong first = new AtomicLong();
            List<ThumbnailResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
            for (HdfsEntry entry : screen) {
                service.request(entry, box, result -> {
                    first.compareAndSet(0, System.nanoTime());
                    results.add(result);
                    answered.countDown();
                });
            }
            if (!answered.await(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the first screen was not filled within " + TIMEOUT_MINUTES + " minutes");
            }
            double all = (System.nanoTime() - start) / 1e6;
            int ready = (int) results.stream().filter(r -> r instanceof ThumbnailResult.Ready).count();
            return new Screen(listed, (first.get() - start) / 1e6, all, ready);
        }
    }

    /** What the grid shows first: the folder's files sorted by name, as many as there are cells. */
    private static List<HdfsEntry> firstPage(HdfsBrowser browser, String folder, int cells) throws Exception {
        List<HdfsEntry> page = new ArrayList<>(browser.list(folder, EntryFilter.ALL).nextPage(Math.max(cells, 500)));
        page.sort(EntryOrder.NAME.comparator(true));
        return page.stream().filter(e -> !e.directory()).limit(cells).toList();
    }

    /** The "before": the old Java path as a thumbnail maker (ImageIO decoding with subsampling, Java2D scaling, ImageIO JPEG). */
    static BiFunction<byte[], Integer, ThumbnailMaker.Outcome> referenceMaker(ImageLimits limits, int box) {
        ReferencePipeline reference = new ReferencePipeline(limits);
        Pipeline pipeline = Pipeline.parse(List.of("thumbnail:" + box, "auto-orient"), "jpeg");
        return (bytes, size) -> switch (reference.process(bytes, pipeline)) {
            case ReferencePipeline.Outcome.Refused(String reason) -> new ThumbnailMaker.Outcome.Rejected(reason, true);
            case ReferencePipeline.Outcome.Processed(byte[] data, var metrics) -> new ThumbnailMaker.Outcome.Made(
                    new Thumbnail(data, "image/jpeg", (Integer) metrics.get("width"), (Integer) metrics.get("height")));
        };
    }
}
