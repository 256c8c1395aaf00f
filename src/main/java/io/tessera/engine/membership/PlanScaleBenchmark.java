package io.tessera.engine.membership;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.shard.ImageFile;
import io.tessera.engine.shard.JobPlanning;
import io.tessera.engine.shard.ManifestStore;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.shard.ShardPlan;
import io.tessera.engine.shard.ShardPlanner;
import io.tessera.engine.shard.TesseraPaths;
import io.tessera.engine.zk.ZkAccess;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.Path;
import org.apache.zookeeper.data.Stat;

/**
 * How a very large plan sits in ZooKeeper and HDFS: plans a synthetic listing of N images, stores it through the
 * cluster's {@link PlanStore} as a committed, plan-only job, and reports the time to make the listing, plan and store
 * it, the znodes and bytes it put in ZooKeeper, the manifests and bytes in HDFS, and the coordinator's sweep over it
 * ({@link OrphanedShards}, as the coordinator runs it): cold (every shard read once into its {@link PlanCache}) and
 * warm (shards only stat'ed). The job is deleted at the end, and that is timed too. Called by
 * {@code tessera bench plan --store}.
 */
public final class PlanScaleBenchmark {
    private PlanScaleBenchmark() {}

    /** Times in milliseconds; bytes as ZooKeeper and HDFS count them (node data; file lengths, one replica). */
    public record Result(int images, int shards, ShardLimits limits, double listingMs, double planMs, double storeMs,
                         long znodes, long znodeBytes, long largestZnode, long manifests, long manifestBytes,
                         double coldSweepMs, double warmSweepMs, double deleteMs, long heapUsedMb) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, """
                    %,d images (synthetic listing, limits %,d images / %,d MB per shard) → %,d shards
                      listing made in %,.0f ms, planned in %,.0f ms, stored in %,.0f ms (ZooKeeper transactions + HDFS manifests)
                      ZooKeeper: %,d znodes, %,d bytes of node data (%,.0f bytes per shard, largest node %,d bytes)
                      HDFS: %,d manifests, %,d bytes (%.1f bytes per image)
                      coordinator sweep: first %,.0f ms (reads every shard), then %,.0f ms (stats only)
                      deleted in %,.0f ms; heap in use after planning %,d MB""",
                    images, limits.maxImages(), limits.maxBytes() >> 20, shards, listingMs, planMs, storeMs,
                    znodes, znodeBytes, znodeBytes / (double) Math.max(1, shards), largestZnode,
                    manifests, manifestBytes, manifestBytes / (double) Math.max(1, images),
                    coldSweepMs, warmSweepMs, deleteMs, heapUsedMb);
        }
    }

    public static Result run(ClusterConnection connection, int images, ShardLimits limits, PrintWriter progress) throws IOException {
        String jobId = "planscale-" + Long.toHexString(System.nanoTime());
        String input = "/planscale/" + jobId;
        ZkAccess zk = ZkAccess.of(connection);
        PlanStore store = PlanStore.of(connection);

        long began = System.nanoTime();
        List<ImageFile> listing = JobPlanning.synthetic(images, 42);
        double listingMs = millisSince(began);
        progress.printf(Locale.ROOT, "listing of %,d images made in %,.0f ms%n", images, listingMs);
        progress.flush();

        began = System.nanoTime();
        ShardPlan plan = ShardPlanner.plan(listing, limits);
        double planMs = millisSince(began);
        listing = null; // the plan holds the images now; the listing's list can go
        Runtime runtime = Runtime.getRuntime();
        long heapUsedMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        progress.printf(Locale.ROOT, "planned into %,d shards in %,.0f ms; storing…%n", plan.shards().size(), planMs);
        progress.flush();

        began = System.nanoTime();
        store.store(jobId, input, List.of("thumbnail:256"), limits, plan);
        double storeMs = millisSince(began);
        int shards = plan.shards().size();
        plan = null;
        try {
            long[] sizes = znodeSizes(zk, jobId);
            ContentSummary manifests = connection.fileSystem().getContentSummary(
                    new Path(new ManifestStore(connection.fileSystem(), ManifestStore.DEFAULT_ROOT).jobFolder(jobId), "manifests"));

            OrphanedShards sweep = new OrphanedShards(zk, CoordinatorSettings.DEFAULT, SettledShards.NONE);
            began = System.nanoTime();
            sweep.sweep(() -> true, () -> null, CoordinatorListener.NONE);
            double coldMs = millisSince(began);
            began = System.nanoTime();
            sweep.sweep(() -> true, () -> null, CoordinatorListener.NONE);
            double warmMs = millisSince(began);

            began = System.nanoTime();
            store.delete(jobId);
            double deleteMs = millisSince(began);
            return new Result(images, shards, limits, listingMs, planMs, storeMs, sizes[0], sizes[1], sizes[2],
                    manifests.getFileCount(), manifests.getLength(), coldMs, warmMs, deleteMs, heapUsedMb);
        } catch (IOException | RuntimeException e) {
            store.delete(jobId);
            throw e;
        }
    }

    /** Count, total data bytes and largest data of the job's znodes (job, shards folder, every shard, marker). */
    private static long[] znodeSizes(ZkAccess zk, String jobId) throws IOException {
        long[] sizes = new long[3];
        List<String> children = zk.run(zk.absolute(TesseraPaths.shards(jobId)), () -> zk.client().getChildren().forPath(TesseraPaths.shards(jobId)));
        for (String path : List.of(TesseraPaths.job(jobId), TesseraPaths.shards(jobId), TesseraPaths.committed(jobId))) {
            add(sizes, zk, path);
        }
        for (String child : children) {
            add(sizes, zk, TesseraPaths.shards(jobId) + "/" + child);
        }
        return sizes;
    }

    private static void add(long[] sizes, ZkAccess zk, String path) throws IOException {
        Stat stat = zk.run(zk.absolute(path), () -> zk.client().checkExists().forPath(path));
        if (stat != null) {
            sizes[0]++;
            sizes[1] += stat.getDataLength();
            sizes[2] = Math.max(sizes[2], stat.getDataLength());
        }
    }

    private static double millisSince(long began) {
        return (System.nanoTime() - began) / 1e6;
    }
}
