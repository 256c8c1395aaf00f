package io.tessera.console.health;

import io.tessera.console.connection.ActiveConnection;
import io.tessera.console.connection.PerConnection;
import io.tessera.engine.membership.WorkerFleet;

/** Where the dashboard's worker list and worker actions come from: the active connection's fleet. Called off the UI thread. */
@FunctionalInterface
public interface DashboardBackend {
    WorkerFleet fleet() throws Exception;

    static DashboardBackend of(ActiveConnection active) {
        return new PerConnection<>(active, WorkerFleet::new)::get;
    }
}
