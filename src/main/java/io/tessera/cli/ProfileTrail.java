package io.tessera.cli;

import io.tessera.engine.Reasons;
import io.tessera.engine.audit.AuditEvent;
import io.tessera.engine.audit.AuditOrigin;
import io.tessera.engine.audit.AuditTrail;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.services.ClusterServices;
import org.slf4j.LoggerFactory;

/**
 * Where `tessera profile` records its changes: the trail of the cluster the profile names (resolved when the record
 * is written, so a profile being removed still has its passwords). A cluster that cannot be reached loses the record
 * with a line in the log, never the change: profiles live on this machine.
 */
final class ProfileTrail implements AuditTrail {
    private final ConnectionProfile profile;

    ProfileTrail(ConnectionProfile profile) {
        this.profile = profile;
    }

    @Override
    public void record(AuditEvent event) {
        try (ClusterServices services = ClusterServices.open(ProfileTargets.resolve(profile), AuditOrigin.of("cli"))) {
            services.trail().record(event);
        } catch (Exception e) {
            LoggerFactory.getLogger(ProfileTrail.class).warn("{} of profile {} not recorded in its cluster's audit trail: {}", event.action(),
                    profile.name(), Reasons.oneLine(e));
        }
    }
}
