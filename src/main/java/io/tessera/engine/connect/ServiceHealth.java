package io.tessera.engine.connect;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.health.ServiceDetail;
import java.time.Instant;
import java.util.Map;

/**
 * One service's health at one moment: a state, a one-line summary fit for a status bar (the reason
 * when it is down), ordered details (version, counts, capacity) for the service's card, and the structured figures
 * of the operations dashboard ({@code figures}: null while the service is down or not yet checked).
 */
public record ServiceHealth(ServiceKind service, State state, String summary, Map<String, String> details,
                            long latencyMillis, Instant checkedAt, ServiceDetail figures) {

    public ServiceHealth(ServiceKind service, State state, String summary, Map<String, String> details, long latencyMillis, Instant checkedAt) {
        this(service, state, summary, details, latencyMillis, checkedAt, null);
    }

    public enum State { UNKNOWN, CONNECTING, UP, DEGRADED, DOWN }

    public static ServiceHealth unknown(ServiceKind service, String summary) {
        return new ServiceHealth(service, State.UNKNOWN, summary, Map.of(), 0, Instant.now());
    }

    public static ServiceHealth down(ServiceKind service, String reason, long latencyMillis) {
        return new ServiceHealth(service, State.DOWN, reason, Map.of(), latencyMillis, Instant.now());
    }

    public boolean isUp() {
        return state == State.UP;
    }
}
