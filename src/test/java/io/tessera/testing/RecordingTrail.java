package io.tessera.testing;

import io.tessera.engine.audit.AuditEvent;
import io.tessera.engine.audit.AuditResult;
import io.tessera.engine.audit.AuditTrail;
import java.util.ArrayList;
import java.util.List;

/** An audit trail that keeps every record in order, for tests that check what an action service recorded. */
public final class RecordingTrail implements AuditTrail {
    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AuditEvent event) {
        events.add(event);
    }

    public synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }

    /** The records written since the last call, in order; the next call starts afresh. */
    public synchronized List<AuditEvent> take() {
        List<AuditEvent> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    /** The only record since the last take; fails unless there was exactly one. */
    public AuditEvent single() {
        List<AuditEvent> taken = take();
        if (taken.size() != 1) {
            throw new AssertionError("expected exactly one audit record, got " + taken.size() + ": " + taken);
        }
        return taken.getFirst();
    }

    /** The only record since the last take, checked: its action, targets and result. */
    public AuditEvent expectOne(String action, List<String> targets, AuditResult result) {
        AuditEvent event = single();
        if (!event.action().equals(action) || !event.targets().equals(targets) || event.result() != result) {
            throw new AssertionError("expected " + action + " " + targets + " " + result + ", got " + event);
        }
        return event;
    }
}
