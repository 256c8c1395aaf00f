package io.tessera.engine.shard;

import io.tessera.engine.connect.ClusterConnection;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Planning a job against a profile's connection, for callers that may not touch HDFS or ZooKeeper
 * clients themselves (the CLI): list a folder's images, or make up a listing for demos, then store the plan.
 */
public final class JobPlanning {
    private JobPlanning() {}

    /** The images under an HDFS folder, recursively; empty when the folder does not exist. */
    public static List<ImageFile> listFolder(ClusterConnection connection, String folder) throws IOException {
        return survey(connection, folder).images();
    }

    /** A folder's images, and what the listing left out with its reasons (hidden files, temporaries, other files). */
    public record Listing(List<ImageFile> images, LeftOut leftOut) {
        /** The images, or an error that says why there are none (and what was left out, when something was). */
        public List<ImageFile> imagesOrFail(String folder) throws IOException {
            if (images.isEmpty()) {
                throw new IOException("no images under " + folder + " (missing folder, or no files with image names"
                        + leftOut.phrases().stream().map(p -> "; " + p).reduce("", String::concat) + ")");
            }
            return images;
        }
    }

    /** The images under an HDFS folder, recursively, with what was left out; no images when the folder does not exist. */
    public static Listing survey(ClusterConnection connection, String folder) throws IOException {
        List<ImageFile> images = new ArrayList<>();
        LeftOut.Tally leftOut = new LeftOut.Tally();
        try {
            HdfsImageLister.images(connection.fileSystem(), folder, leftOut).forEach(images::add);
        } catch (FileNotFoundException missing) {
            return new Listing(List.of(), LeftOut.NONE);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Listing(images, leftOut.snapshot());
    }

    /** A made-up listing of {@code files} images in nested folders, 20 KB to 8 MB each; the same for the same seed. */
    public static List<ImageFile> synthetic(int files, long seed) {
        return PlanBenchmark.syntheticListing(files, new Random(seed));
    }

    /** Plans the listing and stores it as a committed job (manifests in HDFS for long shard lists). */
    public static JobSpec store(ClusterConnection connection, String jobId, String input, List<String> operations,
                                ShardLimits limits, List<ImageFile> listing) throws IOException {
        if (listing.isEmpty()) {
            throw new IOException("no images to plan under " + input);
        }
        return PlanStore.of(connection).store(jobId, input, operations, limits, ShardPlanner.plan(listing, limits));
    }
}
