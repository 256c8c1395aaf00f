package io.tessera.engine.worker;

import io.tessera.engine.dispatch.JobLayout;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.dispatch.ShardTasks;
import io.tessera.engine.dispatch.Task;
import io.tessera.engine.shard.ImageFile;
import io.tessera.engine.shard.JobSpec;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardState;
import io.tessera.engine.shard.TaskSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A planned job's dispatch, derived from the plan alone (its {@link TaskSpec} and each shard's inputs), the same
 * way on every submit and every rebuild: so a resumed submit and the coordinator find the tasks an earlier submit
 * queued by their ids and positions.
 */
final class PlannedTasks {
    private PlannedTasks() {}

    /**
     * The job as dispatch sets it up. A DONE shard counts as finished with the figures ZooKeeper recorded; every other
     * shard (FAILED ones too, so their failures are recorded again and their dead letters get another chance) runs.
     */
    static JobLayout layout(JobSpec spec, List<ShardRecord> shards, boolean cancelled, boolean paused) {
        TaskSpec tasks = spec.tasks();
        List<JobLayout.ShardLayout> layout = shards.stream().map(shard -> new JobLayout.ShardLayout(shard.index(), tasks.tasksOf(shard.images()),
                shard.images(), shard.state() == ShardState.DONE, shard.done(), shard.failed())).toList();
        return new JobLayout(spec.id(), spec.planTag(), tasks.recipe(), Priority.valueOf(tasks.priority()), tasks.keepSeconds(),
                spec.created().toEpochMilli(), cancelled, paused, layout);
    }

    /** One shard's tasks: its inputs in plan order, {@code batch} per task, paths below the recipe's input folder. */
    static List<Task> of(JobSpec spec, int shard, List<ImageFile> inputs) {
        TaskSpec tasks = spec.tasks();
        String root = JobRecipe.fromJson(tasks.recipe()).input();
        List<String> paths = inputs.stream().map(image -> root + "/" + image.path()).toList();
        return Task.batches(spec.id(), shard, paths, tasks.batch(), tasks.recipe(), Priority.valueOf(tasks.priority()));
    }

    /** The tasks of stored shards, their inputs read (from ZooKeeper or their HDFS manifests) only when asked for. */
    static ShardTasks stored(JobSpec spec, List<ShardRecord> shards, PlanStore plans) {
        Map<Integer, ShardRecord> byIndex = shards.stream().collect(Collectors.toMap(ShardRecord::index, Function.identity()));
        return shard -> of(spec, shard, plans.inputsOf(byIndex.get(shard)));
    }
}
