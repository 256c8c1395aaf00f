package io.tessera.engine.connect;

import io.tessera.engine.ServiceKind;
import java.time.Instant;
import java.util.Map;

/**
 * One service's health at one moment: a state, a one-line summary fit for a status bar (the reason
 * when it is down), and ordered details (version, counts, capacity) for the health panel.
 */
public record ServiceHealth(ServiceKind service, State state, String summary, Map<String, String> details,
                            long latencyMillis, Instant checkedAt) {

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
