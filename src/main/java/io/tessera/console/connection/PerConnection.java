package io.tessera.console.connection;

import io.tessera.engine.connect.ClusterConnection;
import java.util.function.Function;

/**
 * Engine objects a panel builds from the active profile's connection: made on first use and made again
 * (the old ones closed, when they can be) once the connection changes. Called off the UI thread.
 */
public final class PerConnection<T> {
    private final ActiveConnection active;
    private final Function<ClusterConnection, T> factory;
    private ClusterConnection madeFor;
    private T made;

    public PerConnection(ActiveConnection active, Function<ClusterConnection, T> factory) {
        this.active = active;
        this.factory = factory;
    }

    public synchronized T get() throws Exception {
        ClusterConnection current = active.get();
        if (current != madeFor) {
            if (made instanceof AutoCloseable closeable) {
                closeable.close();
            }
            made = factory.apply(current);
            madeFor = current;
        }
        return made;
    }
}
