package io.tessera.engine.audit;

import io.tessera.engine.connect.ClusterConnection;
import java.time.Clock;

/** The audit trail of a cluster, shared by every console, CLI and worker of it. */
public final class AuditTrails {
    private AuditTrails() {}

    /**
     * The trail the actions of this connection are recorded in, as {@code origin}: the cluster's own (a Redis stream
     * flushed to daily files in HDFS, hash-chained; see docs/architecture.md, "Audit trail"). Cheap to make; it never
     * throws at its caller.
     */
    public static AuditTrail forConnection(ClusterConnection connection, AuditOrigin origin) {
        return forConnection(connection, origin, AuditLocation.DEFAULT);
    }

    /** The same, kept at {@code location} (tests use their own key prefix and folder). */
    public static AuditTrail forConnection(ClusterConnection connection, AuditOrigin origin, AuditLocation location) {
        return new ClusterAuditTrail(connection, origin, location, Clock.systemUTC());
    }
}
