package io.tessera.engine.sim.scale;

import io.tessera.engine.chaos.GeneratedImages;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.upload.ConflictPolicy;
import io.tessera.engine.upload.ConflictResolver;
import io.tessera.engine.upload.FileOutcome;
import io.tessera.engine.upload.UploadListener;
import io.tessera.engine.upload.UploadRequest;
import io.tessera.engine.upload.UploadSummary;
import io.tessera.engine.upload.Uploader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs' inputs, uploaded once into the sim's HDFS as nested folders, so that the input of n hosts holds n × images per
 * host and each larger host count adds only what it lacks: {@code in/h16} holds 8 parts of its own and the folder
 * {@code in/h16/h8}, which holds 4 and {@code h4}, and so on (a job lists its input folder recursively).
 */
final class ScaleInputs {
    private ScaleInputs() {}

    /** The input folder of each host count, the smallest innermost. */
    static Map<Integer, String> folders(String root, List<Integer> hostCounts) {
        Map<Integer, String> folders = new LinkedHashMap<>();
        String folder = root;
        for (int hosts : hostCounts.reversed()) {
            folder = folder + "/h" + hosts;
            folders.put(hosts, folder);
        }
        return folders;
    }

    /** Generates small JPEGs and uploads each folder's own part; returns the images uploaded in all. */
    static int upload(ClusterConnection connection, Path scratch, String root, List<Integer> hostCounts, int imagesPerHost, int size,
                      java.util.function.Consumer<String> log) throws IOException, InterruptedException {
        Map<Integer, String> folders = folders(root, hostCounts);
        int previous = 0;
        int uploaded = 0;
        for (int hosts : hostCounts) {
            int own = (hosts - previous) * imagesPerHost;
            List<Path> images = GeneratedImages.write(scratch.resolve("h" + hosts), own, size, size * 3 / 4, hosts);
            UploadRequest request = UploadRequest.of(images, folders.get(hosts), ConflictPolicy.KEEP_BOTH, 8);
            UploadSummary summary = new Uploader(connection).start(request, UploadListener.NONE, ConflictResolver.SKIP_ALL).await();
            long ok = summary.count(FileOutcome.Status.UPLOADED);
            if (ok != own) {
                String problem = summary.outcomes().stream().filter(FileOutcome::isProblem).findFirst().map(FileOutcome::reason).orElse("?");
                throw new IOException("uploaded " + ok + " of " + own + " images to " + folders.get(hosts) + ": " + problem);
            }
            uploaded += own;
            previous = hosts;
        }
        log.accept("uploaded " + uploaded + " images of " + size + "x" + size * 3 / 4 + " into " + root);
        return uploaded;
    }
}
