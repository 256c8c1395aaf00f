package io.tessera.engine.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.tessera.engine.json.Json;
import io.tessera.engine.ops.OpSpecException;
import io.tessera.engine.ops.Pipeline;

/**
 * What a task's {@code pipeline} text holds: the pipeline, the job's input folder (so an output keeps the
 * input's path below it) and the output folder. Written by {@link JobSubmission}, read by {@link PipelineHandler}.
 */
public record JobRecipe(String input, String output, Pipeline pipeline) {

    public JobRecipe {
        if (input == null || output == null || pipeline == null) {
            throw new IllegalArgumentException("a job recipe needs input, output and pipeline");
        }
        input = trimSlash(input);
        output = trimSlash(output);
    }

    /** The output for an input image: its path below the input folder, under the output folder, plus the format's extension. */
    public String outputFor(String image) {
        String relative = image.startsWith(input + "/") ? image.substring(input.length() + 1) : image.substring(image.lastIndexOf('/') + 1);
        // the whole name is kept and the extension appended: a.jpg and a.png must not both become a.png
        return output + "/" + relative + "." + pipeline.format().extension();
    }

    /**
     * Why {@code image}'s output may not be written, or null: an output goes under the job's output folder and nowhere
     * else, so a path with "." or ".." segments (or empty ones) below the input folder is refused before anything is read.
     */
    public String outputRefusal(String image) {
        String relative = image.startsWith(input + "/") ? image.substring(input.length() + 1) : image.substring(image.lastIndexOf('/') + 1);
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "refused: its output would not stay under the job's output folder " + output + " (path segment \"" + segment + "\")";
            }
        }
        return null;
    }

    /** {@code <parent of input>/_derived/<job>/<op-chain>}: beside the input, hidden from image listings by its '_'. */
    public static String defaultOutput(String input, String jobId, Pipeline pipeline) {
        String folder = trimSlash(input);
        int slash = folder.lastIndexOf('/');
        String parent = slash <= 0 ? "" : folder.substring(0, slash);
        return parent + "/_derived/" + jobId + "/" + pipeline.chainName();
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    public String toJson() {
        try {
            return Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws OpSpecException when the text is no recipe or its pipeline is invalid */
    public static JobRecipe fromJson(String json) {
        try {
            return Json.mapper().readValue(json, JobRecipe.class);
        } catch (ValueInstantiationException e) {
            throw e.getCause() instanceof OpSpecException bad ? bad : new OpSpecException("not a job recipe: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new OpSpecException("not a job recipe: " + e.getOriginalMessage());
        }
    }
}
