package io.tessera.engine.worker;

import io.tessera.engine.dispatch.ImageOutcome;
import io.tessera.engine.dispatch.JobControl;
import io.tessera.engine.dispatch.Task;
import io.tessera.engine.dispatch.TaskHandler;
import io.tessera.engine.images.ImageInspector;
import io.tessera.engine.ops.OpSpecException;
import io.tessera.engine.store.StoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;

/**
 * Runs a task's pipeline over its images in HDFS: read within the size cap ({@link InputReader}), check and process
 * ({@link ImageProcessor}), write ({@link AtomicOutputs}). Each image runs in a lane of the worker's {@link ImageLanes},
 * so a task's images run side by side on every compute slot, their reads and writes beside other images' computing.
 * A bad image is a failed outcome with its reason, and so is a storage error that cannot succeed on retry (name too
 * long, permission denied, quota, damaged input: see {@link StorageFailures}); only storage trouble that may pass (HDFS
 * unreachable, a DataNode pipeline failing) throws, so that the task as a whole is retried (after the images under way
 * end, with the error of the first image, in task order, that met it). A task whose recipe cannot be read fails every
 * image with that reason: retrying it would not help.
 */
public final class PipelineHandler implements TaskHandler {
    private final ImageProcessor processor;
    private final InputReader inputs;
    private final AtomicOutputs outputs;
    private final WorkerCounters counters;
    private final ImageLanes lanes;

    /** A handler of its own: one image at a time, in a lane of its own. */
    public PipelineHandler(FileSystem fs, ImageProcessor processor, WorkerCounters counters) {
        this(fs, processor, counters, InputBudget.UNLIMITED, new ImageLanes(1));
    }

    /**
     * @param budget the inputs all of a worker's lanes hold at once
     * @param lanes  the images all of a worker's handlers have under way at once
     */
    PipelineHandler(FileSystem fs, ImageProcessor processor, WorkerCounters counters, InputBudget budget, ImageLanes lanes) {
        this.processor = processor;
        this.lanes = lanes;
        this.inputs = new InputReader(fs, InputReader.HeadCheck.of(new ImageInspector(processor.limits())), budget);
        this.outputs = new AtomicOutputs(fs);
        this.counters = counters;
    }

    @Override
    public List<ImageOutcome> handle(Task task, JobControl control) throws StoreException, InterruptedException {
        JobRecipe recipe;
        try {
            recipe = JobRecipe.fromJson(task.pipeline());
        } catch (OpSpecException bad) {
            return task.images().stream().map(i -> ImageOutcome.failed(i, "the job's pipeline is invalid: " + bad.getMessage())).toList();
        }
        List<ImageOutcome> outcomes = new ArrayList<>();
        // on this thread, in the order the images end: the progress counts and each outcome's finish time go together
        Consumer<ImageOutcome> ended = outcome -> {
            outcomes.add(outcome);
            control.imageFinished();
        };
        try (ImageLanes.Batch<ImageOutcome> images = lanes.batch()) {
            for (String image : task.images()) {
                if (images.failed()) {
                    break;
                }
                if (control.isPaused()) {
                    images.finish(ended); // what is under way ends and is counted before the pause holds this task
                }
                if (!control.proceed()) {
                    break;
                }
                String outside = recipe.outputRefusal(image);
                if (outside != null) {
                    ended.accept(ImageOutcome.failed(image, outside));
                    continue;
                }
                images.start(() -> image(task, image, recipe), ended);
            }
            images.finish(ended);
            switch (images.failure()) { // storage trouble that may pass: the task as a whole is retried
                case null -> { }
                case StoreException e -> throw e;
                case InterruptedException e -> throw e;
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                case Throwable other -> throw new IllegalStateException(other);
            }
        }
        return outcomes;
    }

    /** One image, in a lane: read, computed, written; a failed outcome for a bad image, a throw for storage trouble that may pass. */
    private ImageOutcome image(Task task, String image, JobRecipe recipe) throws StoreException, InterruptedException {
        counters.started(task.job());
        ImageOutcome outcome = null;
        long bytes = 0;
        try {
            long start = System.nanoTime();
            InputReader.Input input = read(image);
            processor.times().since(StageTimes.Stage.READ, start);
            outcome = switch (input) {
                case InputReader.Input.Refused(String reason) -> ImageOutcome.failed(image, reason);
                case InputReader.Input.Read(InputBytes read) -> {
                    bytes = read.length();
                    yield run(image, read, recipe, task.attempt() > 1);
                }
            };
            return outcome;
        } finally {
            if (outcome == null) {
                counters.unfinished(task.job(), bytes); // thrown: the task as a whole is retried or handed back
            } else {
                counters.finished(task.job(), outcome instanceof ImageOutcome.Done, bytes);
            }
        }
    }

    private InputReader.Input read(String image) throws StoreException, InterruptedException {
        try {
            return inputs.read(image, processor.limits().maxFileBytes());
        } catch (IOException | RuntimeException e) {
            return new InputReader.Input.Refused(StorageFailures.imageReason(e, StorageFailures.Side.READ, image)
                    .orElseThrow(() -> StorageFailures.retryable(e, StorageFailures.Side.READ, image)));
        }
    }

    /**
     * @param input the input in native memory, let go once the image is computed (freed then, unless an abandoned
     *              computation still reads it)
     * @param rerun the task ran before (retried or reclaimed): an earlier attempt may have left a temporary output
     */
    private ImageOutcome run(String image, InputBytes input, JobRecipe recipe, boolean rerun) throws StoreException, InterruptedException {
        ImageProcessor.Result result;
        try (input) {
            result = processor.process(input, recipe.pipeline());
        }
        return switch (result) {
            case ImageProcessor.Result.Refused(String reason) -> ImageOutcome.failed(image, reason);
            case ImageProcessor.Result.Processed(byte[] bytes, var metrics) -> {
                String output = recipe.outputFor(image);
                long start = System.nanoTime();
                try {
                    outputs.write(output, bytes, rerun);
                } catch (IOException | RuntimeException e) {
                    yield ImageOutcome.failed(image, StorageFailures.imageReason(e, StorageFailures.Side.WRITE, output)
                            .orElseThrow(() -> StorageFailures.retryable(e, StorageFailures.Side.WRITE, output)));
                }
                processor.times().since(StageTimes.Stage.WRITE, start);
                yield ImageOutcome.done(image, output, metrics);
            }
        };
    }
}
