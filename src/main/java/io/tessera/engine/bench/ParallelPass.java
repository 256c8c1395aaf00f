package io.tessera.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** One pass of work over a set's images with N threads taking them in order, timed: images per second. */
public final class ParallelPass {
    /** The work on one image; its result is ignored, what it throws ends the pass. */
    @FunctionalInterface
    public interface Work {
        void on(byte[] image) throws Exception;
    }

    private ParallelPass() {}

    public static double imagesPerSecond(List<byte[]> images, int threads, Work work) throws InterruptedException, ExecutionException {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("bench-pass-", 1).factory())) {
            long start = System.nanoTime();
            List<Future<?>> results = new ArrayList<>();
            for (byte[] image : images) {
                results.add(pool.submit(() -> {
                    work.on(image);
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
            return images.size() / ((System.nanoTime() - start) / 1e9);
        }
    }
}
