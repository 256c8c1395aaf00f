package io.tessera.engine.audit;

/**
 * Where operator actions are recorded: one record per action, with who (OS user and the identities used with each
 * service), when and from where added by the trail itself. A trail never throws at its caller: an action that was
 * carried out stays carried out when its record cannot be written (the trail logs that, without the record's secrets,
 * since there are none).
 */
@FunctionalInterface
public interface AuditTrail {
    /** A trail that keeps nothing: for engine code run without an operator (tests of the servers themselves). */
    AuditTrail NONE = event -> {};

    void record(AuditEvent event);
}
