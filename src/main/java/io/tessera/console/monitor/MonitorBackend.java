package io.tessera.console.monitor;

import io.tessera.console.connection.ActiveConnection;
import io.tessera.console.connection.ConnectionSource;
import io.tessera.engine.monitor.MonitorListener;
import io.tessera.engine.monitor.PubSubMonitor;
import io.tessera.engine.monitor.StreamInspector;
import io.tessera.engine.services.ClusterServices;

/**
 * The engine objects of the Monitor panel for one connection: the pub/sub monitor (its subscriber connections and
 * threads) and the streams inspector. Closed, with its subscriptions, when the connection changes.
 */
public final class MonitorBackend implements AutoCloseable {
    private final PubSubMonitor pubSub;
    private final StreamInspector streams;

    public MonitorBackend(ClusterServices services, MonitorListener listener) {
        this.pubSub = services.pubSub(listener);
        this.streams = services.streams();
    }

    public PubSubMonitor pubSub() {
        return pubSub;
    }

    public StreamInspector streams() {
        return streams;
    }

    @Override
    public void close() {
        pubSub.close();
    }

    /** The backend of the active profile's connection, made again when the connection changes. */
    public static ConnectionSource<MonitorBackend> of(ActiveConnection active, MonitorListener listener) {
        return ConnectionSource.of(active, services -> new MonitorBackend(services, listener));
    }
}
