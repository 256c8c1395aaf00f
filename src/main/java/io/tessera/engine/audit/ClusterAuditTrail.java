package io.tessera.engine.audit;

import io.tessera.engine.Reasons;
import io.tessera.engine.connect.ClusterConnection;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trail in the cluster: each record gets who, when and from where, is cleaned of secrets, and is appended to the
 * trail's Redis stream ({@link AuditAppender}); now and then (at most once a minute across the cluster) the process
 * that just wrote one moves the older records to HDFS ({@link AuditFlusher}). When Redis cannot be written the action
 * is not held up: the record waits in this process's {@link AuditBacklog}, the outage is logged once (without any
 * record's content), and the backlog is written, in order, before the next record once Redis answers.
 */
final class ClusterAuditTrail implements AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterAuditTrail.class);

    private final ClusterConnection connection;
    private final AuditLocation location;
    private final AuditOrigin origin;
    private final Clock clock;
    private final AuditRedaction redaction;
    private volatile AuditIdentity identity; // made with the first record: Hadoop's login is not free
    private final AuditBacklog backlog;

    ClusterAuditTrail(ClusterConnection connection, AuditOrigin origin, AuditLocation location, Clock clock) {
        this.connection = connection;
        this.location = location;
        this.origin = origin;
        this.clock = clock;
        this.redaction = new AuditRedaction(connection.target());
        this.backlog = AuditBacklog.of(connection.target().redisUri(), location);
    }

    @Override
    public void record(AuditEvent event) {
        AuditRecord record;
        try {
            record = toRecord(redaction.apply(event));
        } catch (RuntimeException e) {
            LOG.warn("An audit record of {} could not be made: {}", event.action(), Reasons.oneLine(e));
            return;
        }
        synchronized (backlog) {
            backlog.keep(record);
            try {
                AuditAppender appender = new AuditAppender(connection.redis(), location);
                while (!backlog.waiting.isEmpty()) {
                    appender.append(backlog.waiting.peek());
                    backlog.waiting.poll();
                }
            } catch (RuntimeException | LinkageError e) {
                if (!backlog.outage) {
                    backlog.outage = true;
                    LOG.warn("The audit trail cannot be written ({}): records are kept in this process (up to {}) and written once Redis answers",
                            Reasons.oneLine(e), AuditBacklog.CAPACITY);
                }
                return;
            }
            if (backlog.outage) {
                backlog.outage = false;
                LOG.info("The audit trail is written again{}", backlog.dropped == 0 ? ""
                        : "; " + backlog.dropped + " records of the outage were lost (more than " + AuditBacklog.CAPACITY + " waited)");
                backlog.dropped = 0;
            }
        }
        AuditFlusher.maybeFlushSoon(connection, location, clock);
    }

    private AuditRecord toRecord(AuditEvent event) {
        if (identity == null) {
            identity = AuditIdentity.of(connection.target());
        }
        return new AuditRecord(0, clock.instant().truncatedTo(ChronoUnit.MILLIS), identity.osUser(), identity.identities(), identity.profile(),
                event.action(), event.targets(), event.parameters(), event.result(), event.reason(), origin.toString(), null, null);
    }
}
