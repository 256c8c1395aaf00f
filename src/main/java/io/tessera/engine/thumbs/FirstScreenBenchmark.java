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
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The HDFS panel's first screen of thumbnails, as the panel gets it: the folder listed through {@link HdfsBrowser}
 * (sorted by name, as the grid shows it), then one request per visible cell ranked by its place on screen, until every
 * cell has its answer. Time to the first screen, in the states an operator meets:
 * <ul>
 *   <li>{@link Scenario#COLD}: a first visit (the shared Redis cache emptied of these thumbnails, a fresh service):
 *       as fast as the decoder allows; and {@link Scenario#COLD_REFERENCE}, the same with a maker on the old Java path
 *       ({@link ReferencePipeline}: {@code thumbnail:BOX}, {@code auto-orient}, JPEG at 85 %) as the "before";</li>
 *   <li>{@link Scenario#WARM_SHARED}: a fresh service over the shared cache the cold visit filled (a second console, or
 *       this one after a restart);</li>
 *   <li>{@link Scenario#WARM_MEMORY}: the same service again (back to the folder);</li>
 *   <li>{@link Scenario#AFTER_SCROLL}: cold again, scrolled to the bottom as the first thumbnail arrives: the first
 *       screen's requests still waiting are cancelled (the grid reuses their cells) and the last screen's asked for;
 *       timed from the scroll to the last screen filled.</li>
 * </ul>
 * Cold rounds alternate which maker goes first.
 */
public final class FirstScreenBenchmark {
    private static final long TIMEOUT_MINUTES = 10;

    public enum Scenario {
        COLD("cold, native"), COLD_REFERENCE("cold, old Java path"), WARM_SHARED("warm, shared cache"), WARM_MEMORY("warm, memory"),
        AFTER_SCROLL("cold, after a scroll");

        private final String label;

        Scenario(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One screen filled: listing time, time to the first thumbnail shown and to the last (both from the start, the
     * listing included; after a scroll: from the scroll), how many were made, and photos decoded that no cell showed.
     */
    public record Screen(double listingMillis, double firstMillis, double allMillis, int ready, long wasted) {}

    public record Result(int cells, int box, List<Map<Scenario, Screen>> rounds) {
        public double medianAll(Scenario scenario) {
            return Medians.of(rounds.stream().map(r -> r.get(scenario).allMillis()).toList());
        }

        public double medianFirst(Scenario scenario) {
            return Medians.of(rounds.stream().map(r -> r.get(scenario).firstMillis()).toList());
        }

        public double medianListing(Scenario scenario) {
            return Medians.of(rounds.stream().map(r -> r.get(scenario).listingMillis()).toList());
        }

        public double medianWasted(Scenario scenario) {
            return Medians.of(rounds.stream().map(r -> (double) r.get(scenario).wasted()).toList());
        }

        /** Median over the rounds of the old path's cold screen over the native one's: how many times faster it fills now. */
        public double medianSpeedUp() {
            return Medians.of(rounds.stream().map(r -> r.get(Scenario.COLD_REFERENCE).allMillis() / r.get(Scenario.COLD).allMillis()).toList());
        }
    }

    private FirstScreenBenchmark() {}

    /**
     * @param folder an HDFS folder of photos, more than two screens of them
     * @param cells  how many cells the grid shows at once
     */
    public static Result run(ClusterConnection connection, String folder, int cells, int box, int rounds, Consumer<String> progress) throws Exception {
        ThumbnailSettings settings = ThumbnailSettings.DEFAULT;
        RedisThumbnailCache shared = new RedisThumbnailCache(connection.redis(), settings.sharedTtl(), settings.failureTtl());
        Screens screens = new Screens(new HdfsBrowser(connection), shared, folder, cells, box);
        BiFunction<byte[], Integer, ThumbnailMaker.Outcome> nativeMaker = new ThumbnailMaker(settings.limits())::make;
        BiFunction<byte[], Integer, ThumbnailMaker.Outcome> referenceMaker = referenceMaker(settings.limits(), box);
        for (BiFunction<byte[], Integer, ThumbnailMaker.Outcome> maker : List.of(nativeMaker, referenceMaker)) {
            try (ThumbnailService warmUp = screens.coldService(settings, maker)) {
                screens.first(warmUp, Math.min(4, cells)); // untimed
            }
        }
        List<Map<Scenario, Screen>> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Map<Scenario, Screen> measured = new EnumMap<>(Scenario.class);
            if (round % 2 == 1) {
                measured.put(Scenario.COLD_REFERENCE, screens.cold(settings, referenceMaker));
            }
            measured.put(Scenario.COLD, screens.cold(settings, nativeMaker)); // leaves the shared cache warm
            if (round % 2 == 0) {
                measured.put(Scenario.COLD_REFERENCE, screens.cold(settings, referenceMaker));
            }
            try (ThumbnailService second = new ThumbnailService(ThumbnailService.storeSource(screens.browser), shared, settings, nativeMaker)) {
                measured.put(Scenario.WARM_SHARED, screens.first(second, cells));
                measured.put(Scenario.WARM_MEMORY, screens.first(second, cells));
            }
            measured.put(Scenario.AFTER_SCROLL, screens.afterScroll(settings, nativeMaker));
            for (Map.Entry<Scenario, Screen> m : measured.entrySet()) {
                Screen s = m.getValue();
                progress.accept(String.format(java.util.Locale.ROOT, "round %d %-22s listing %6.1f ms, first thumbnail %7.1f ms, all %d in %7.1f ms%s",
                        round + 1, m.getKey().label(), s.listingMillis(), s.firstMillis(), s.ready(), s.allMillis(),
                        m.getKey() == Scenario.AFTER_SCROLL ? " (" + s.wasted() + " decoded for the first screen after the scroll)" : ""));
            }
            results.add(measured);
        }
        return new Result(cells, box, results);
    }

    /** Fills screens of one folder; the shared cache is emptied of a screen's thumbnails before a cold fill. */
    private record Screens(HdfsBrowser browser, RedisThumbnailCache shared, String folder, int cells, int box) {

        ThumbnailService coldService(ThumbnailSettings settings, BiFunction<byte[], Integer, ThumbnailMaker.Outcome> maker) throws Exception {
            forget(files().subList(0, cells));
            forget(lastScreen(files()));
            return new ThumbnailService(ThumbnailService.storeSource(browser), shared, settings, maker);
        }

        Screen cold(ThumbnailSettings settings, BiFunction<byte[], Integer, ThumbnailMaker.Outcome> maker) throws Exception {
            System.gc();
            try (ThumbnailService service = coldService(settings, maker)) {
                return first(service, cells);
            }
        }

        /** The folder listed, then its first {@code count} cells asked for, ranked by place; timed from before the listing. */
        Screen first(ThumbnailService service, int count) throws Exception {
            long start = System.nanoTime();
            List<HdfsEntry> screen = files().subList(0, count);
            double listed = millisSince(start);
            Answers answers = new Answers(screen.size());
            for (int i = 0; i < screen.size(); i++) {
                service.request(ThumbnailService.keyOf(screen.get(i), box), i, answers::add);
            }
            answers.await();
            return new Screen(listed, (answers.first.get() - start) / 1e6, millisSince(start), answers.ready(), 0);
        }

        /** Cold: the first screen asked for, and as its first thumbnail arrives, a scroll to the last screen. */
        Screen afterScroll(ThumbnailSettings settings, BiFunction<byte[], Integer, ThumbnailMaker.Outcome> maker) throws Exception {
            System.gc();
            try (ThumbnailService service = coldService(settings, maker)) {
                long start = System.nanoTime();
                List<HdfsEntry> all = files();
                double listed = millisSince(start);
                List<ThumbnailRequest> firstScreen = new ArrayList<>();
                CountDownLatch firstArrived = new CountDownLatch(1);
                for (int i = 0; i < cells; i++) {
                    firstScreen.add(service.request(ThumbnailService.keyOf(all.get(i), box), i, r -> firstArrived.countDown()));
                }
                firstArrived.await(TIMEOUT_MINUTES, TimeUnit.MINUTES);
                long scroll = System.nanoTime();
                long madeBefore = service.stats().made();
                firstScreen.forEach(ThumbnailRequest::cancel);
                List<HdfsEntry> last = lastScreen(all);
                Answers answers = new Answers(last.size());
                for (int i = 0; i < last.size(); i++) {
                    service.request(ThumbnailService.keyOf(last.get(i), box), i, answers::add);
                }
                answers.await();
                long wasted = service.stats().made() - madeBefore - last.size();
                return new Screen(listed, (answers.first.get() - scroll) / 1e6, millisSince(scroll), answers.ready(), Math.max(0, wasted));
            }
        }

        /** What the grid shows: the folder's files sorted by name. */
        List<HdfsEntry> files() throws Exception {
            List<HdfsEntry> page = new ArrayList<>(browser.list(folder, EntryFilter.ALL).nextPage(Integer.MAX_VALUE));
            page.sort(EntryOrder.NAME.comparator(true));
            List<HdfsEntry> files = page.stream().filter(e -> !e.directory()).toList();
            if (files.size() < 2 * cells) {
                throw new IllegalArgumentException(folder + " holds " + files.size() + " files: fewer than two screens of " + cells);
            }
            return files;
        }

        List<HdfsEntry> lastScreen(List<HdfsEntry> files) {
            return files.subList(files.size() - cells, files.size());
        }

        void forget(List<HdfsEntry> entries) {
            for (HdfsEntry entry : entries) {
                shared.remove(ThumbnailService.keyOf(entry, box));
            }
        }
    }

    /** The answers of one screen: when the first came, how many were thumbnails. */
    private static final class Answers {
        final AtomicLong first = new AtomicLong();
        private final CountDownLatch all;
        private final List<ThumbnailResult> results = Collections.synchronizedList(new ArrayList<>());

        Answers(int count) {
            all = new CountDownLatch(count);
        }

        void add(ThumbnailResult result) {
            first.compareAndSet(0, System.nanoTime());
            results.add(result);
            all.countDown();
        }

        void await() throws InterruptedException {
            if (!all.await(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the screen was not filled within " + TIMEOUT_MINUTES + " minutes");
            }
        }

        int ready() {
            return (int) results.stream().filter(r -> r instanceof ThumbnailResult.Ready).count();
        }
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
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
