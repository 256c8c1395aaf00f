package io.tessera.engine.monitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The dispatch queue at a glance: each task stream, the distinct consumers of the workers group, tasks waiting for a
 * retry, dead letters. Pending entries idle longer than {@code staleAfter} are "old": their consumer holds them but
 * does not renew its lease (live consumers do every visibility-timeout / 3), so it has probably stopped.
 */
public record QueueHealth(List<StreamQueue> streams, int consumers, long retrying, long dead, Duration staleAfter) {

    /** The longest idle time of any pending entry, or null when nothing is pending. */
    public Duration oldestPendingIdle() {
        return streams.stream().map(StreamQueue::oldestPendingIdle).filter(java.util.Objects::nonNull)
                .max(Duration::compareTo).orElse(null);
    }

    /** Whether some pending entry is older than {@code staleAfter}. */
    public boolean hasOldPending() {
        Duration oldest = oldestPendingIdle();
        return oldest != null && oldest.compareTo(staleAfter) > 0;
    }

    /** "tasks:normal: 120 waiting, 8 pending, oldest pending idle 42 s · tasks:high: empty · 2 consumers, 1 dead letter". */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (StreamQueue q : streams) {
            parts.add(describe(q));
        }
        String tail = plural(consumers, "consumer");
        if (retrying > 0) {
            tail += ", " + retrying + " waiting to retry";
        }
        tail += ", " + plural(dead, "dead letter");
        parts.add(tail);
        return String.join(" · ", parts);
    }

    private static String describe(StreamQueue q) {
        if (!q.hasGroup() && q.waiting() == 0) {
            return q.name() + ": empty";
        }
        String line = q.name() + ": " + q.waiting() + " waiting, " + q.pending() + " pending";
        if (q.oldestPendingIdle() != null) {
            line += ", oldest pending idle " + IdleTime.text(q.oldestPendingIdle());
        }
        return line;
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
