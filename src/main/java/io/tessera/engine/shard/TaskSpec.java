package io.tessera.engine.shard;

/**
 * How a plan's shards become tasks, kept with the plan so that the plan alone can rebuild the queue (a resumed
 * submit, or the coordinator after Redis lost data): the Redis key space the job was dispatched to, the text
 * every task carries (its recipe), the priority, images per task, and how long Redis keeps the finished job.
 * Tasks of shard {@code s} are {@code <s>-0}, {@code <s>-1}, … in the shard's input order, {@code batch} images each.
 */
public record TaskSpec(String keyPrefix, String recipe, String priority, int batch, long keepSeconds) {

    public TaskSpec {
        if (batch < 1) {
            throw new IllegalArgumentException("images per task must be at least 1, not " + batch);
        }
    }

    /** How many tasks a shard of {@code images} images is cut into. */
    public int tasksOf(int images) {
        return (images + batch - 1) / batch;
    }
}
