package io.tessera.engine.shard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Plans a synthetic listing of {@code files} images (shuffled paths in nested folders, sizes from 20 KB to
 * 8 MB) and compares the planner against a baseline measured in the same run: copying, sorting and
 * summing the same listing, the least any planner must do. Each is run once to warm up, then
 * {@value #ROUNDS} times; the medians are reported. Called by {@code tessera bench plan}.
 */
public final class PlanBenchmark {
    private static final int ROUNDS = 3;

    /** Times in milliseconds; {@code ratio} is planner time over baseline time. */
    public record Result(int files, int shards, long totalBytes, double baselineMillis, double planMillis, ShardLimits limits) {
        public double ratio() {
            return planMillis / baselineMillis;
        }

        @Override
        public String toString() {
            return String.format("planned %,d files (%,d MB) into %,d shards (limits: %,d images, %,d MB) in %.0f ms;"
                            + " baseline (copy + sort + sum) %.0f ms; planner/baseline %.2f",
                    files, totalBytes >> 20, shards, limits.maxImages(), limits.maxBytes() >> 20, planMillis, baselineMillis, ratio());
        }
    }

    private PlanBenchmark() {}

    public static Result run(int files) {
        return run(files, ShardLimits.DEFAULT);
    }

    public static Result run(int files, ShardLimits limits) {
        List<ImageFile> listing = syntheticListing(files, new Random(42));
        double[] baseline = new double[ROUNDS];
        double[] plan = new double[ROUNDS];
        int shards = 0;
        long bytes = 0;
        for (int round = -1; round < ROUNDS; round++) {
            long began = System.nanoTime();
            long sum = baseline(listing);
            double baselineMs = (System.nanoTime() - began) / 1e6;
            began = System.nanoTime();
            ShardPlan result = ShardPlanner.plan(listing, limits);
            double planMs = (System.nanoTime() - began) / 1e6;
            if (result.bytes() != sum) {
                throw new IllegalStateException("the plan lost bytes: " + result.bytes() + " of " + sum);
            }
            if (round >= 0) {
                baseline[round] = baselineMs;
                plan[round] = planMs;
            }
            shards = result.shards().size();
            bytes = result.bytes();
        }
        return new Result(files, shards, bytes, median(baseline), median(plan), limits);
    }

    /** What any planner must do at least: take the listing, sort it by path, and walk it once. */
    private static long baseline(List<ImageFile> listing) {
        ImageFile[] copy = listing.toArray(ImageFile[]::new);
        Arrays.parallelSort(copy, ImageFile.BY_PATH);
        long sum = 0;
        for (ImageFile file : copy) {
            sum += file.size();
        }
        return sum;
    }

    static List<ImageFile> syntheticListing(int files, Random random) {
        List<ImageFile> listing = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            String path = "set-" + (i % 37) + "/dir-" + (i / 1000) + "/IMG_" + i + ".jpg";
            long size = (long) (20_000 * Math.pow(400, random.nextDouble()));
            listing.add(new ImageFile(path, size));
        }
        Collections.shuffle(listing, random);
        return listing;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    public static void main(String[] args) {
        System.out.println(run(args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000));
    }
}
