package io.tessera.console.connection;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.cluster.StartupListener.Phase;

/** Where one embedded service is in starting or stopping; {@code phase} is null while it waits its turn. */
public record StartupStep(ServiceKind service, Phase phase, String detail, long elapsedMillis) {

    public static StartupStep waiting(ServiceKind service) {
        return new StartupStep(service, null, "waiting", 0);
    }
}
