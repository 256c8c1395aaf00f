package io.tessera.engine.actions;

import io.tessera.engine.audit.AuditEvent;
import io.tessera.engine.audit.AuditResult;
import io.tessera.engine.audit.AuditTrail;
import io.tessera.engine.audit.Audited;
import java.util.List;
import java.util.Map;

/**
 * The one way an action service carries out an operator's write: refused with a {@link ReadOnlyException} (recorded
 * DENIED) on a read-only profile, otherwise run through {@link Audited}, so every action leaves exactly one record.
 */
public final class ActionGate {
    private final Audited audited;
    private final WriteAccess access;

    public ActionGate(AuditTrail trail, WriteAccess access) {
        this.audited = new Audited(trail);
        this.access = access;
    }

    /** For engine code and tests that act on a cluster with no operator trail. */
    public static ActionGate unaudited() {
        return new ActionGate(AuditTrail.NONE, WriteAccess.ALLOWED);
    }

    public WriteAccess access() {
        return access;
    }

    public AuditTrail trail() {
        return audited.trail();
    }

    public <T, E extends Exception> T write(String action, List<String> targets, Map<String, String> parameters, Audited.Work<T, E> work)
            throws E, ReadOnlyException {
        refuseIfReadOnly(action, targets, parameters);
        return audited.call(action, targets, parameters, work);
    }

    public <E extends Exception> void run(String action, List<String> targets, Map<String, String> parameters, Audited.Step<E> step)
            throws E, ReadOnlyException {
        refuseIfReadOnly(action, targets, parameters);
        audited.run(action, targets, parameters, step);
    }

    /** Throws, after recording the refusal, when the profile is read-only: for actions that record their own end (uploads). */
    public void refuseIfReadOnly(String action, List<String> targets, Map<String, String> parameters) throws ReadOnlyException {
        if (!access.allowed()) {
            audited.trail().record(new AuditEvent(action, targets, parameters, AuditResult.DENIED, access.reason()));
            throw new ReadOnlyException(access.reason());
        }
    }
}
