package io.tessera.cli;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.bench.BenchCleanUp;
import io.tessera.engine.cluster.EmbeddedCluster;
import io.tessera.engine.cluster.LocalClusterSettings;
import io.tessera.engine.cluster.StartupListener;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.ProfileResolver;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a benchmark measures: a named profile, or (without one) a private embedded cluster started in a scratch
 * folder under the state folder. That cluster is the Local cluster of a Tessera home of its own ({@link #privateHome}),
 * so `tessera` processes given that home find it. Closing stops the private cluster and removes the scratch folder.
 */
final class BenchTarget implements AutoCloseable {
    private final ConnectionTarget target;
    private final Path scratch;
    private final EmbeddedCluster cluster;

    private BenchTarget(ConnectionTarget target, Path scratch, EmbeddedCluster cluster) {
        this.target = target;
        this.scratch = scratch;
        this.cluster = cluster;
    }

    private static Path homeIn(Path scratch) {
        return scratch.resolve("home");
    }

    static BenchTarget open(String profileName, String benchmark, PrintWriter out) throws Exception {
        Path scratch = Files.createTempDirectory(Files.createDirectories(AppDirectories.fromEnvironment().state().resolve("bench")), benchmark + "-");
        if (profileName != null) {
            return new BenchTarget(ProfileTargets.resolve(profileName), scratch, null);
        }
        out.println("Starting a private embedded cluster in " + scratch);
        out.flush();
        EmbeddedCluster cluster = EmbeddedCluster.start(LocalClusterSettings.freePorts(AppDirectories.under(homeIn(scratch)).localCluster()),
                StartupListener.NONE);
        return new BenchTarget(ProfileResolver.forEmbedded(cluster), scratch, cluster);
    }

    ConnectionTarget target() {
        return target;
    }

    Path scratch() {
        return scratch;
    }

    /** The Tessera home whose Local profile is the private cluster; empty when measuring a named profile. */
    Optional<Path> privateHome() {
        return cluster == null ? Optional.empty() : Optional.of(homeIn(scratch));
    }

    @Override
    public void close() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        BenchCleanUp.deleteTree(scratch);
    }
}
