package io.tessera.engine.audit;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The records one process could not write to one trail (Redis unreachable), oldest first, kept in memory up to
 * {@link #CAPACITY} and written before the next record once Redis answers. Shared by every trail of the process that
 * writes to the same place, so an outage is logged once and the order of this process's actions is kept. A process
 * that ends during an outage loses its backlog (it logs how many records).
 */
final class AuditBacklog {
    static final int CAPACITY = 1_000;
    private static final Map<String, AuditBacklog> BY_PLACE = new ConcurrentHashMap<>();

    final ArrayDeque<AuditRecord> waiting = new ArrayDeque<>();
    /** Whether the trail is known to be unwritable (logged once per outage). */
    boolean outage;
    /** Records dropped because the backlog was full, during this outage. */
    long dropped;

    private AuditBacklog() {}

    /** The backlog of one Redis server and key prefix in this process. */
    static AuditBacklog of(String redisUri, AuditLocation location) {
        return BY_PLACE.computeIfAbsent(redisUri + " " + location.keyPrefix(), key -> new AuditBacklog());
    }

    /** Keeps a record that could not be written; the oldest goes when full. Under the backlog's lock. */
    void keep(AuditRecord record) {
        if (waiting.size() >= CAPACITY) {
            waiting.poll();
            dropped++;
        }
        waiting.add(record);
    }
}
