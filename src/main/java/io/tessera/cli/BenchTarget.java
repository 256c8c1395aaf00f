package io.tessera.cli;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.cluster.EmbeddedCluster;
import io.tessera.engine.cluster.LocalClusterSettings;
import io.tessera.engine.cluster.StartupListener;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.ProfileResolver;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a benchmark measures: a named profile, or (without one) a private embedded cluster started in a scratch
 * folder under the state folder. Closing stops the private cluster and removes the scratch folder.
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

    static BenchTarget open(String profileName, String benchmark, PrintWriter out) throws Exception {
        Path scratch = Files.createTempDirectory(Files.createDirectories(AppDirectories.fromEnvironment().state().resolve("bench")), benchmark + "-");
        if (profileName != null) {
            return new BenchTarget(ProfileTargets.resolve(profileName), scratch, null);
        }
        out.println("Starting a private embedded cluster in " + scratch);
        out.flush();
        EmbeddedCluster cluster = EmbeddedCluster.start(LocalClusterSettings.freePorts(scratch.resolve("cluster")), StartupListener.NONE);
        return new BenchTarget(ProfileResolver.forEmbedded(cluster), scratch, cluster);
    }

    ConnectionTarget target() {
        return target;
    }

    Path scratch() {
        return scratch;
    }

    @Override
    public void close() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        BenchCommand.Startup.deleteTree(scratch);
    }
}
