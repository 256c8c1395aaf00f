package io.tessera.engine.dispatch;

import java.io.IOException;
import java.util.List;

/**
 * The tasks of one shard of a job, all of them in order ({@code <shard>-0}, {@code <shard>-1}, …). Asked only for
 * shards whose tasks are not all queued yet, so a plan whose inputs live in HDFS manifests reads only those.
 */
@FunctionalInterface
public interface ShardTasks {
    List<Task> of(int shard) throws IOException;
}
