package io.tessera.console.connection;

import java.util.function.Function;
import io.tessera.engine.services.ClusterServices;

/**
 * Where a panel's engine objects come from: those of the active profile's connection, made on first use (see
 * {@link PerConnection}); tests hand in their own. Called off the UI thread.
 */
@FunctionalInterface
public interface ConnectionSource<T> {
    T get() throws Exception;

    /** The active connection's objects made by {@code factory}, made again when the connection changes. */
    static <T> ConnectionSource<T> of(ActiveConnection active, Function<ClusterServices, T> factory) {
        return new PerConnection<>(active, factory);
    }

    /** The active connection's services themselves. */
    static ConnectionSource<ClusterServices> services(ActiveConnection active) {
        return active::get;
    }
}
