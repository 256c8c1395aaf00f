package io.tessera.engine.worker;

import io.tessera.engine.dispatch.ImageOutcome;
import io.tessera.engine.dispatch.JobControl;
import io.tessera.engine.dispatch.Task;
import io.tessera.engine.dispatch.TaskHandler;
import io.tessera.engine.ops.OpSpecException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Runs a task's pipeline over its images in HDFS: read, check and process ({@link ImageProcessor}), write
 * ({@link AtomicOutputs}). A bad image is a failed outcome with its reason; only storage trouble (HDFS
 * unreachable, a write that fails) throws, so that the task as a whole is retried. A task whose recipe
 * cannot be read fails every image with that reason: retrying it would not help.
 */
public final class PipelineHandler implements TaskHandler {
    private final FileSystem fs;
    private final ImageProcessor processor;
    private final AtomicOutputs outputs;
    private final WorkerCounters counters;

    public PipelineHandler(FileSystem fs, ImageProcessor processor, WorkerCounters counters) {
        this.fs = fs;
        this.processor = processor;
        this.outputs = new AtomicOutputs(fs);
        this.counters = counters;
    }

    @Override
    public List<ImageOutcome> handle(Task task, JobControl control) throws IOException, InterruptedException {
        JobRecipe recipe;
        try {
            recipe = JobRecipe.fromJson(task.pipeline());
        } catch (OpSpecException bad) {
            return task.images().stream().map(i -> ImageOutcome.failed(i, "the job's pipeline is invalid: " + bad.getMessage())).toList();
        }
        List<ImageOutcome> outcomes = new ArrayList<>();
        for (String image : task.images()) {
            if (!control.proceed()) {
                break;
            }
            counters.started();
            ImageOutcome outcome = null;
            long bytes = 0;
            try {
                long start = System.nanoTime();
                Input input = read(image);
                processor.times().since(StageTimes.Stage.READ, start);
                bytes = input.bytes() == null ? 0 : input.bytes().length;
                outcome = input.refusal() != null ? ImageOutcome.failed(image, input.refusal()) : run(image, input.bytes(), recipe, task.attempt() > 1);
            } finally {
                counters.finished(outcome instanceof ImageOutcome.Done, bytes);
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /** @param rerun the task ran before (retried or reclaimed): an earlier attempt may have left a temporary output */
    private ImageOutcome run(String image, byte[] input, JobRecipe recipe, boolean rerun) throws IOException, InterruptedException {
        return switch (processor.process(input, recipe.pipeline())) {
            case ImageProcessor.Result.Refused(String reason) -> ImageOutcome.failed(image, reason);
            case ImageProcessor.Result.Processed(byte[] bytes, var metrics) -> {
                String output = recipe.outputFor(image);
                long start = System.nanoTime();
                outputs.write(output, bytes, rerun);
                processor.times().since(StageTimes.Stage.WRITE, start);
                yield ImageOutcome.done(image, output, metrics);
            }
        };
    }

    private record Input(byte[] bytes, String refusal) {}

    /** The file's bytes, or why not: missing, a folder, or over the size limit (checked before reading a byte). */
    private Input read(String image) throws IOException {
        Path path = new Path(image);
        try {
            FileStatus status = fs.getFileStatus(path);
            if (!status.isFile()) {
                return new Input(null, "not a file");
            }
            long limit = processor.limits().maxFileBytes();
            if (status.getLen() > limit) {
                return new Input(null, "too large: " + status.getLen() + " bytes (limit " + limit + ")");
            }
            byte[] bytes = new byte[(int) status.getLen()];
            try (FSDataInputStream in = fs.open(path)) {
                in.readFully(0, bytes);
            }
            return new Input(bytes, null);
        } catch (FileNotFoundException gone) {
            return new Input(null, "missing: the file was deleted after the job was planned");
        }
    }
}
