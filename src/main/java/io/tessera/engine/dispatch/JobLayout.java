package io.tessera.engine.dispatch;

import io.tessera.engine.events.JobCounts;
import java.util.List;

/**
 * A job as dispatch sets it up: its shards with their task counts, the shards that finished already (their figures
 * come from the plan: a job rebuilt after Redis lost it), and whether it was cancelled or is paused. Tasks of shard {@code s}
 * are {@code <s>-0 … <s>-(tasks-1)} ({@link Task#batches}); a finished shard's tasks are marked settled by those ids.
 *
 * @param planTag   names the plan this job was dispatched from (see the job hash's {@code plan} field); empty for a
 *                  job dispatched without a plan, which can be created only once
 * @param created   when the job was created (epoch ms; 0: now)
 * @param cancelled the job was cancelled: its unfinished shards' tasks count as cancelled and none is queued
 * @param paused    an operator has the job paused: it starts PAUSED, with the pause flag set before any task is
 *                  queued, so no worker starts one (ignored for a cancelled job)
 */
public record JobLayout(String jobId, String planTag, String recipe, Priority priority, long keepSeconds, long created,
                        boolean cancelled, boolean paused, List<ShardLayout> shards) {

    /**
     * One shard: {@code tasks} tasks over {@code images} images; when {@code finished}, {@code done} and {@code failed}
     * images are its final figures and none of its tasks is queued again.
     */
    public record ShardLayout(int index, int tasks, long images, boolean finished, long done, long failed) {
        public ShardLayout {
            if (tasks < 1) {
                throw new IllegalArgumentException("shard " + index + " has no tasks");
            }
        }

        static ShardLayout open(int index, int tasks, long images) {
            return new ShardLayout(index, tasks, images, false, 0, 0);
        }
    }

    public JobLayout {
        DispatchKeys.checkJobId(jobId);
        shards = List.copyOf(shards);
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("job " + jobId + " has no tasks");
        }
        recipe = recipe == null ? "" : recipe;
        paused = paused && !cancelled;
    }

    /** The state the job hash starts in. */
    JobState startState() {
        return cancelled ? JobState.CANCELLED : paused ? JobState.PAUSED : JobState.QUEUED;
    }

    /** The counters the job hash starts with. */
    JobCounts counts() {
        long tasks = 0, images = 0, tasksDone = 0, done = 0, failed = 0, cancelledTasks = 0;
        for (ShardLayout shard : shards) {
            tasks += shard.tasks();
            images += shard.images();
            if (shard.finished()) {
                tasksDone += shard.tasks();
                done += shard.done();
                failed += shard.failed();
            } else if (cancelled) {
                cancelledTasks += shard.tasks();
            }
        }
        return new JobCounts(tasks, images, tasksDone, done, failed, 0, 0, cancelledTasks);
    }
}
