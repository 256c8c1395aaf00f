package io.tessera.engine.cluster;

import io.tessera.engine.ServiceKind;

/** One server of the embedded cluster. Start blocks until the server answers; close stops it cleanly. */
interface EmbeddedService extends AutoCloseable {
    ServiceKind kind();

    /** Starts the server and returns a one-line description of where it listens. */
    String start() throws ClusterStartException;

    /** Whether it listens on a free port it chooses as it starts (0 in the settings), rather than a fixed one. */
    boolean choosesItsPort();

    @Override
    void close();
}
