package io.tessera.console.monitor;

import io.tessera.console.connection.ActiveConnection;
import io.tessera.console.connection.PerConnection;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.monitor.MonitorListener;
import io.tessera.engine.monitor.PubSubMonitor;
import io.tessera.engine.monitor.StreamInspector;

/**
 * The engine objects of the Monitor panel for one connection: the pub/sub monitor (its subscriber connections and
 * threads) and the streams inspector. Closed, with its subscriptions, when the connection changes.
 */
public final class MonitorBackend implements AutoCloseable {
    private final PubSubMonitor pubSub;
    private final StreamInspector streams;

    public MonitorBackend(ClusterConnection connection, MonitorListener listener) {
        this.pubSub = PubSubMonitor.open(connection, listener);
        this.streams = new StreamInspector(connection.redis());
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
    public static Source of(ActiveConnection active, MonitorListener listener) {
        return new PerConnection<>(active, connection -> new MonitorBackend(connection, listener))::get;
    }

    /** Where the panel's engine objects come from: the active profile's, made on first use. Called off the UI thread. */
    @FunctionalInterface
    public interface Source {
        MonitorBackend get() throws Exception;
    }
}
