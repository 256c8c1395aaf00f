package io.tessera.engine.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tessera.engine.json.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One unit of work: a batch of images of one shard, run through a pipeline. {@code id} is unique within
 * the job and stays the same across attempts (completions are counted once per id).
 *
 * @param pipeline  the pipeline spec as opaque JSON text; dispatch never looks inside
 * @param attempt   1 for the first run; a task that failed as a whole comes back with one more
 * @param lastError why the previous attempt failed, or null
 * @param sig       the submitter's signature of the work ({@link TaskSigner}): job, id, shard, images, pipeline; kept
 *                  across attempts; null when unsigned (workers refuse such tasks)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Task(String job, String id, int shard, List<String> images, String pipeline, Priority priority, int attempt, String lastError,
                   String sig) {
    private static final ObjectWriter WRITER = Json.mapper().writerFor(Task.class).without(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectReader READER = Json.mapper().readerFor(Task.class);

    public Task {
        DispatchKeys.checkJobId(job);
        images = List.copyOf(images);
        if (images.isEmpty()) {
            throw new IllegalArgumentException("task " + id + " of job " + job + " has no images");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, not " + attempt);
        }
    }

    /** An unsigned task. */
    public Task(String job, String id, int shard, List<String> images, String pipeline, Priority priority, int attempt, String lastError) {
        this(job, id, shard, images, pipeline, priority, attempt, lastError, null);
    }

    /** Cuts a shard's images into tasks of at most {@code batchSize}, ids {@code <shard>-<n>}. */
    public static List<Task> batches(String job, int shard, List<String> images, int batchSize, String pipeline, Priority priority) {
        List<Task> tasks = new ArrayList<>();
        for (int from = 0, n = 0; from < images.size(); from += batchSize, n++) {
            List<String> batch = images.subList(from, Math.min(images.size(), from + batchSize));
            tasks.add(new Task(job, shard + "-" + n, shard, batch, pipeline, priority, 1, null));
        }
        return tasks;
    }

    public Task withAttempt(int next, String error) {
        return new Task(job, id, shard, images, pipeline, priority, next, error, sig);
    }

    public Task withSignature(String signature) {
        return new Task(job, id, shard, images, pipeline, priority, attempt, lastError, signature);
    }

    public String toJson() {
        try {
            return WRITER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Task fromJson(String json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a task: " + e.getOriginalMessage(), e);
        }
    }
}
