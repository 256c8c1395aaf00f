package io.tessera.engine.shard;

import io.tessera.engine.shard.ShardPlan.PlannedShard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The shard nodes of a plan, as {@link PlanStore} writes them: a shard's input list inline when its JSON is small
 * enough, else in an HDFS manifest written first. Manifests are written by a few threads at once: each costs a few
 * NameNode and DataNode round trips, and a ten-million-image plan has tens of thousands of them (one at a time,
 * storing such a plan took minutes).
 */
final class ShardNodes {
    /** Manifests written at once. */
    static final int WRITERS = 8;

    private final ManifestStore manifests;
    private final PlanStoreSettings settings;

    /** @param manifests null when every shard must fit inline */
    ShardNodes(ManifestStore manifests, PlanStoreSettings settings) {
        this.manifests = manifests;
        this.settings = settings;
    }

    /** Each shard's node data, in the plan's order. On failure no manifest of the job is left behind. */
    List<byte[]> of(String jobId, List<PlannedShard> shards) throws IOException {
        List<byte[]> nodes = new ArrayList<>(shards.size());
        List<Integer> spilled = new ArrayList<>();
        for (PlannedShard shard : shards) {
            ShardRecord inline = ShardRecord.planned(shard.index(), shard.imageCount(), shard.bytes(), shard.images(), null);
            byte[] json = inline.toJson();
            nodes.add(json.length <= settings.inlineInputBytes() ? json : null);
            if (json.length > settings.inlineInputBytes()) {
                spilled.add(nodes.size() - 1);
            }
        }
        if (spilled.isEmpty()) {
            return nodes;
        }
        if (manifests == null) {
            throw new IOException("shard " + shards.get(spilled.getFirst()).index()
                    + " lists too many images to keep in ZooKeeper and this plan store has no HDFS manifest store");
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(WRITERS, spilled.size()),
                Thread.ofPlatform().daemon().name("manifest-writer-", 0).factory());
        try {
            List<Future<byte[]>> written = new ArrayList<>(spilled.size());
            for (int at : spilled) {
                PlannedShard shard = shards.get(at);
                written.add(pool.submit(() -> {
                    ManifestRef ref = manifests.write(jobId, shard.index(), shard.images());
                    return ShardRecord.planned(shard.index(), shard.imageCount(), shard.bytes(), null, ref).toJson();
                }));
            }
            for (int i = 0; i < spilled.size(); i++) {
                nodes.set(spilled.get(i), result(written.get(i)));
            }
            return nodes;
        } catch (IOException | RuntimeException e) {
            pool.shutdownNow();
            awaitQuietly(pool);
            manifests.deleteJob(jobId);
            throw e;
        } finally {
            pool.shutdown();
        }
    }

    private static byte[] result(Future<byte[]> written) throws IOException {
        try {
            return written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing manifests", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case UncheckedIOException io -> throw io.getCause();
                case RuntimeException runtime -> throw runtime;
                default -> throw new IOException("could not write a manifest: " + e.getCause(), e.getCause());
            }
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
