package io.tessera.engine.shard;

import java.util.List;

/** A plan before it is stored: the shards in order, and the totals they add up to. */
public record ShardPlan(List<PlannedShard> shards, long images, long bytes) {

    /** One shard: a run of consecutive images in path order (a view into the sorted listing, not a copy). */
    public record PlannedShard(int index, List<ImageFile> images, long bytes) {
        public int imageCount() {
            return images.size();
        }
    }
}
