package io.tessera.console.layeringfixture;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.monitor.StreamInspector;
import java.io.IOException;

/**
 * A console class that breaks the layering without naming a server type: what {@code LayeringTest}'s
 * any-route rule must report (see {@code LayeringRuleCanFailTest}). Never used: only analysed.
 */
final class ReachesServersThroughTheEngine {
    /** The Redis client handed out by the connection, passed straight into an engine constructor. */
    StreamInspector streams(ClusterConnection connection) {
        return new StreamInspector(connection.redis());
    }

    /** The HDFS client, held as a plain Object: no class of Hadoop's is named here. */
    Object fileSystem(ClusterConnection connection) throws IOException {
        return connection.fileSystem();
    }
}
