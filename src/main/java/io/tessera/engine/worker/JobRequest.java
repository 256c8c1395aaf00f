package io.tessera.engine.worker;

import io.tessera.engine.dispatch.JobId;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;

/**
 * A job as a launcher asks for it.
 *
 * @param output    the output folder, or null for {@link JobRecipe#defaultOutput}
 * @param batchSize images per task (a task is the unit of retry and of progress)
 */
public record JobRequest(String jobId, String input, String output, Pipeline pipeline, Priority priority, ShardLimits limits, int batchSize) {
    /** With a checked id. */
    public JobRequest(JobId jobId, String input, String output, Pipeline pipeline, Priority priority, ShardLimits limits, int batchSize) {
        this(jobId.value(), input, output, pipeline, priority, limits, batchSize);
    }

    public JobRequest {
        JobId.check(jobId);
        if (input == null || !input.startsWith("/")) {
            throw new IllegalArgumentException("the input must be an absolute HDFS folder, not '" + input + "'");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("images per task must be between 1 and 10000, not " + batchSize);
        }
    }

    public JobId id() {
        return JobId.of(jobId);
    }

    public JobRecipe recipe() {
        return new JobRecipe(input, output != null ? output : JobRecipe.defaultOutput(input, jobId, pipeline), pipeline);
    }
}
