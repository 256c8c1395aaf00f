package io.tessera.engine.audit;

import io.tessera.engine.connect.ClusterConnection;

/** The audit trail of a cluster, shared by every console, CLI and worker of it. */
public final class AuditTrails {
    private AuditTrails() {}

    /** The trail the actions of this connection are recorded in, as {@code origin}. (Keeps nothing yet: the trail in the cluster comes next.) */
    public static AuditTrail forConnection(ClusterConnection connection, AuditOrigin origin) {
        return AuditTrail.NONE;
    }
}
