package io.tessera.engine.shard;

import io.tessera.engine.shard.ShardPlan.PlannedShard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a listing of images into shards balanced by bytes. Pure and deterministic: the listing is
 * sorted by path first, so the same files in any order give the same plan, and each shard is a run of
 * consecutive paths (neighbours in a folder stay together, which keeps manifests small and reads local).
 *
 * <p>Each shard aims at an even share of the bytes still to place ({@code remaining / shards still needed}),
 * recomputed at every shard start so that an early cut forced by a limit is spread over the shards after it. An image goes into the current shard while its midpoint stays within that share; the limits are hard.
 */
public final class ShardPlanner {
    private ShardPlanner() {}

    public static ShardPlan plan(Iterable<ImageFile> listing, ShardLimits limits) {
        ImageFile[] files = sortedByPath(listing);
        long totalBytes = 0;
        for (ImageFile file : files) {
            totalBytes += file.size();
        }
        // When the even share sits close to a limit, the limit cuts shards short and the last ones come out
        // small. Then plan again for the number of shards that took: a smaller share that the limits no
        // longer cut. Each pass is one walk over the sorted array; one or two passes are the rule.
        long planned = shardsNeeded(totalBytes, files.length, limits);
        while (true) {
            List<PlannedShard> shards = cut(files, totalBytes, limits, planned);
            if (shards.size() <= planned) {
                return new ShardPlan(shards, files.length, totalBytes);
            }
            planned = shards.size();
        }
    }

    private static List<PlannedShard> cut(ImageFile[] files, long totalBytes, ShardLimits limits, long planned) {
        int imageCap = limits.imageCap();
        long byteCap = limits.byteCap();
        List<ImageFile> view = Arrays.asList(files);
        List<PlannedShard> shards = new ArrayList<>();
        long remainingBytes = totalBytes;
        int start = 0;
        while (start < files.length) {
            // Never fewer than planned (or the share would jump when a shard ran a little over it).
            long shardsNeeded = Math.max(planned - shards.size(), shardsNeeded(remainingBytes, files.length - start, limits));
            double share = (double) remainingBytes / shardsNeeded;
            int end = start;
            long bytes = 0;
            while (end < files.length) {
                long size = files[end].size();
                boolean empty = end == start;
                if (!empty && (end - start >= imageCap || bytes + size > byteCap || bytes + size / 2.0 > share)) {
                    break;
                }
                bytes += size;
                end++;
            }
            shards.add(new PlannedShard(shards.size(), view.subList(start, end), bytes));
            remainingBytes -= bytes;
            start = end;
        }
        return List.copyOf(shards);
    }

    private static long shardsNeeded(long bytes, int images, ShardLimits limits) {
        return Math.max(1, Math.max(Math.ceilDiv(bytes, limits.byteCap()), Math.ceilDiv(images, limits.imageCap())));
    }

    private static ImageFile[] sortedByPath(Iterable<ImageFile> listing) {
        ImageFile[] files;
        if (listing instanceof java.util.Collection<ImageFile> collection) {
            files = collection.toArray(ImageFile[]::new);
        } else {
            List<ImageFile> collected = new ArrayList<>();
            listing.forEach(collected::add);
            files = collected.toArray(ImageFile[]::new);
        }
        // Paths are unique, so the order is total and a parallel sort gives the same array every time.
        Arrays.parallelSort(files, ImageFile.BY_PATH);
        for (int i = 1; i < files.length; i++) {
            if (files[i].path().equals(files[i - 1].path())) {
                throw new IllegalArgumentException("the listing names " + files[i].path() + " twice");
            }
        }
        return files;
    }
}
