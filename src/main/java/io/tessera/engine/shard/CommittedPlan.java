package io.tessera.engine.shard;

import java.util.List;

/** A whole stored plan, as a reader sees it once the committed marker is there: the job and every shard in index order. */
public record CommittedPlan(JobSpec job, List<ShardRecord> shards) {}
