package io.tessera.engine.bench;

import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.images.ThumbnailMaker;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.worker.ImageProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.bytedeco.javacpp.Pointer;

/**
 * Many images through the native path, cycling a set of photos, while this process's memory is sampled: does it stay
 * flat? Each image takes one of three routes in turn: the worker's {@link ImageProcessor} with {@link #PIPELINES}' first
 * or second pipeline (several ops each, different encoders), or the console's {@link ThumbnailMaker}. Samples resident
 * memory ({@code VmRSS}), JavaCPP's view of it ({@link Pointer#physicalBytes()}) and of the native memory it tracks
 * ({@link Pointer#totalBytes()}: what is allocated through JavaCPP and not yet freed), and the Java heap committed (which
 * the JVM grows as it likes: run with {@code -Xms} equal to {@code -Xmx} and {@code -XX:+AlwaysPreTouch} for resident
 * memory that moves with native memory only).
 */
public final class SoakBenchmark {
    /** Two pipelines of several ops: a large resize then orientation and sharpening to WebP, and a thumbnail with analysis to PNG. */
    public static final List<List<String>> PIPELINES = List.of(
            List.of("resize:w=1600", "auto-orient", "sharpen:0.5", "format:webp"),
            List.of("thumbnail:256", "grayscale", "blur:1.5", "dhash", "stats", "format:png"));
    /** The console's grid box. */
    static final int THUMBNAIL_BOX = 160;

    /** One moment of the run. */
    public record Sample(int images, double seconds, long residentBytes, long physicalBytes, long javacppBytes, long heapCommittedBytes) {}

    /**
     * @param samples    every {@code every} images, the first before any
     * @param warmUp     the sample taken when the warm-up images were done
     * @param failed     images that did not come through (a photo that fails would fail each time round)
     */
    public record Result(List<Sample> samples, Sample warmUp, int images, int failed, double seconds, int threads) {
        public Sample start() {
            return samples.getFirst();
        }

        public Sample end() {
            return samples.getLast();
        }

        public long maxResident() {
            return samples.stream().mapToLong(Sample::residentBytes).max().orElse(-1);
        }

        /** Resident growth from after the warm-up to the end. */
        public long residentGrowth() {
            return end().residentBytes() - warmUp.residentBytes();
        }

        /** Flat: after the warm-up, resident memory grew by less than 64 MB and 10 %, and JavaCPP holds no more than it did then (+1 MB). */
        public boolean flat() {
            return residentGrowth() < Math.min(64L << 20, warmUp.residentBytes() / 10)
                    && end().javacppBytes() <= warmUp.javacppBytes() + (1 << 20);
        }

        /** Least-squares slope of resident memory after the warm-up, in bytes per 1,000 images. */
        public double residentSlopePer1000() {
            List<Sample> after = samples.stream().filter(s -> s.images() >= warmUp.images()).toList();
            double n = after.size();
            double mx = after.stream().mapToDouble(Sample::images).average().orElse(0);
            double my = after.stream().mapToDouble(Sample::residentBytes).average().orElse(0);
            double sxy = 0;
            double sxx = 0;
            for (Sample s : after) {
                sxy += (s.images() - mx) * (s.residentBytes() - my);
                sxx += (s.images() - mx) * (s.images() - mx);
            }
            return n < 2 || sxx == 0 ? 0 : 1000 * sxy / sxx;
        }
    }

    private SoakBenchmark() {}

    /**
     * @param photos the images to cycle through (contents)
     * @param every  a sample every this many images
     * @param warmUp images before the "after warm-up" sample
     */
    public static Result run(List<byte[]> photos, int images, int threads, int every, int warmUp, Consumer<Sample> progress) throws Exception {
        List<Pipeline> pipelines = PIPELINES.stream().map(specs -> Pipeline.parse(specs, null)).toList();
        ImageLimits limits = ImageLimits.DEFAULT;
        ThumbnailMaker thumbnails = new ThumbnailMaker(limits);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong nextSample = new AtomicLong(every);
        List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        samples.add(sample(0, start));
        Sample[] afterWarmUp = new Sample[1];
        try (ImageProcessor processor = new ImageProcessor(limits, Duration.ofSeconds(60));
             ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("soak-", 1).factory())) {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < images; ) {
                        byte[] photo = photos.get(i % photos.size());
                        boolean ok = switch (i % 3) {
                            case 0, 1 -> processor.process(photo, pipelines.get(i % 3)) instanceof ImageProcessor.Result.Processed;
                            default -> thumbnails.make(photo, THUMBNAIL_BOX) instanceof ThumbnailMaker.Outcome.Made;
                        };
                        if (!ok) {
                            failed.incrementAndGet();
                        }
                        int count = done.incrementAndGet();
                        long due = nextSample.get();
                        boolean sampleDue = count >= due && nextSample.compareAndSet(due, due + every);
                        if (sampleDue || count == warmUp) {
                            Sample s = sample(count, start);
                            afterWarmUp[0] = count == warmUp ? s : afterWarmUp[0];
                            samples.add(s);
                            progress.accept(s);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
        Sample end = sample(done.get(), start);
        samples.add(end);
        List<Sample> ordered = samples.stream().sorted(java.util.Comparator.comparingDouble(Sample::seconds)).toList();
        return new Result(ordered, afterWarmUp[0] == null ? ordered.getFirst() : afterWarmUp[0], done.get(), failed.get(),
                (System.nanoTime() - start) / 1e9, threads);
    }

    private static Sample sample(int images, long start) {
        return new Sample(images, (System.nanoTime() - start) / 1e9, ResidentMemory.bytes(), Pointer.physicalBytes(), Pointer.totalBytes(),
                Runtime.getRuntime().totalMemory());
    }
}
