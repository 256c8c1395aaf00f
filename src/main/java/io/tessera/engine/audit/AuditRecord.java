package io.tessera.engine.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One record of the audit trail, as stored (one JSON line): which action, when, by whom (the OS user and the identity
 * used with each service: {@code hdfs}, {@code zookeeper}, {@code redis}), with which profile, from which program on
 * which host, on which targets with which parameters, how it ended, and its place in the chain: its sequence number,
 * the previous record's hash and its own ({@link AuditChain}). Never holds a password or a key.
 */
@JsonPropertyOrder({"seq", "time", "user", "identities", "profile", "action", "targets", "parameters", "result", "reason", "origin", "prev", "hash"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditRecord(long seq, Instant time, String user, Map<String, String> identities, String profile, String action,
                          List<String> targets, Map<String, String> parameters, AuditResult result, String reason, String origin,
                          String prev, String hash) {
    public AuditRecord {
        identities = identities == null ? Map.of() : new TreeMap<>(identities);
        targets = targets == null ? List.of() : List.copyOf(targets);
        parameters = parameters == null ? Map.of() : new TreeMap<>(parameters);
        reason = reason == null ? "" : reason;
    }

    /** This record placed after {@code prev} (hash) as number {@code seq}, its own hash not made yet. */
    AuditRecord linked(long seq, String prev) {
        return new AuditRecord(seq, time, user, identities, profile, action, targets, parameters, result, reason, origin, prev, null);
    }

    AuditRecord withHash(String hash) {
        return new AuditRecord(seq, time, user, identities, profile, action, targets, parameters, result, reason, origin, prev, hash);
    }

    /** The identity used with one service ({@code hdfs}, {@code zookeeper}, {@code redis}), or "" when not recorded. */
    public String identity(String service) {
        return identities.getOrDefault(service, "");
    }
}
