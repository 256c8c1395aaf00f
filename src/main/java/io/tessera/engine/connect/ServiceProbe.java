package io.tessera.engine.connect;

import io.tessera.engine.ServiceKind;
import java.time.Duration;

/** Checks one service of a target; may throw, {@link HealthCheck} turns failures into readable reasons. */
interface ServiceProbe {
    ServiceKind service();

    ServiceHealth probe(ConnectionTarget target, Duration timeout) throws Exception;

    /** The address shown in error messages. */
    String endpoint(ConnectionTarget target);
}
