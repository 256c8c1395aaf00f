package io.tessera.testing;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.cluster.ClusterStartException;
import io.tessera.engine.cluster.EmbeddedCluster;
import io.tessera.engine.cluster.LocalClusterSettings;
import io.tessera.engine.cluster.StartupListener;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectException;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.ProfileResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real embedded cluster for the whole test JVM, started on first use in a fresh folder and
 * stopped when the JVM exits: integration tests share it instead of paying a start each.
 * It lives in the local-cluster folder of {@link #directories()}, so the Local profile finds it.
 */
public final class SharedCluster {
    private static EmbeddedCluster cluster;
    private static AppDirectories directories;
    private static ClusterConnection connection;

    private SharedCluster() {}

    public static synchronized EmbeddedCluster get() {
        if (cluster == null) {
            try {
                Path base = Path.of(System.getProperty("tessera.test.tmp", System.getProperty("java.io.tmpdir")));
                Files.createDirectories(base);
                directories = AppDirectories.under(Files.createTempDirectory(base, "shared-home-"));
                cluster = EmbeddedCluster.start(LocalClusterSettings.freePorts(directories.localCluster()), StartupListener.NONE);
                Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "shared-cluster-stop"));
            } catch (IOException | ClusterStartException e) {
                throw new IllegalStateException("the shared test cluster did not start: " + e.getMessage(), e);
            }
        }
        return cluster;
    }

    /** The Tessera home (config, data, state) the shared cluster belongs to. */
    public static synchronized AppDirectories directories() {
        get();
        return directories;
    }

    /** One client connection to the shared cluster for tests that only need one; closed with the JVM. */
    public static synchronized ClusterConnection connection() {
        if (connection == null) {
            connection = new ClusterConnection(target());
        }
        return connection;
    }

    public static ConnectionTarget target() {
        try {
            return ProfileResolver.forEmbedded(get());
        } catch (ConnectException e) {
            throw new IllegalStateException(e);
        }
    }
}
