package io.tessera.engine.bench;

import io.tessera.engine.Reasons;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.KeySpace;
import io.tessera.engine.shard.PlanStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What a benchmark leaves behind, removed: its HDFS folder, its jobs' plans, its Redis key space, local scratch folders. */
public final class BenchCleanUp {
    private BenchCleanUp() {}

    /** Best effort: what failed is returned as a line to print, never thrown (the figures are what matter). */
    public static Optional<String> cluster(ClusterConnection connection, String hdfsFolder, List<String> jobs, DispatchKeys keys) {
        try {
            connection.fileSystem().delete(new org.apache.hadoop.fs.Path(hdfsFolder), true);
            PlanStore plans = PlanStore.of(connection);
            for (String job : jobs) {
                plans.delete(job);
            }
            KeySpace.delete(connection.redis(), keys.prefix());
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cleaning up after the run failed: " + Reasons.oneLine(e));
        }
    }

    /** A local folder and everything below it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
