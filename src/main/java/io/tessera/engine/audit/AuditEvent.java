package io.tessera.engine.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One operator action as the service that carried it out knows it: what (an {@link AuditActions} name), on which
 * targets (HDFS paths, job ids, znode paths, profile names), with which parameters, and how it ended. The trail adds
 * who, when and from where ({@link AuditTrail}). Parameters never hold secrets: a service passes a password's name,
 * never its value.
 */
public record AuditEvent(String action, List<String> targets, Map<String, String> parameters, AuditResult result, String reason) {
    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(result, "result");
        targets = List.copyOf(targets);
        parameters = Map.copyOf(parameters);
        reason = reason == null ? "" : reason;
    }
}
