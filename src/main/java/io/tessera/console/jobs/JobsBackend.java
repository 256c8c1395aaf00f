package io.tessera.console.jobs;

import io.tessera.console.connection.ActiveConnection;
import io.tessera.console.connection.ConnectionSource;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.worker.JobActions;
import io.tessera.engine.worker.JobQueries;

/** What the Jobs panel works with for one connection, under its dispatch keys: the engine's job actions and job reads. */
public record JobsBackend(JobActions actions, JobQueries queries) {

    /** The active profile's, made again when the connection changes (tests pass keys of their own). */
    public static ConnectionSource<JobsBackend> of(ActiveConnection active, DispatchKeys keys) {
        return ConnectionSource.of(active, services -> new JobsBackend(services.jobs(keys, DispatchSettings.defaults()),
                services.jobQueries(keys, DispatchSettings.defaults())));
    }
}
