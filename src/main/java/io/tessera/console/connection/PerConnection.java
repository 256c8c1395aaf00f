package io.tessera.console.connection;

import io.tessera.engine.services.ClusterServices;
import java.util.function.Function;

/**
 * Engine objects a panel builds from the active profile's {@link ClusterServices}: made on first use and made again
 * (the old ones closed, when they can be) once the connection changes. Called off the UI thread.
 */
public final class PerConnection<T> implements ConnectionSource<T> {
    private final ActiveConnection active;
    private final Function<ClusterServices, T> factory;
    private ClusterServices madeFor;
    private T made;

    public PerConnection(ActiveConnection active, Function<ClusterServices, T> factory) {
        this.active = active;
        this.factory = factory;
    }

    @Override
    public synchronized T get() throws Exception {
        ClusterServices current = active.get();
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
