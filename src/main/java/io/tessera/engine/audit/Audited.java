package io.tessera.engine.audit;

import java.util.List;
import java.util.Map;

/**
 * Runs one operator action and writes exactly one record of it: DONE when the work returns, DENIED when a server
 * refused the identity ({@link Denials}), FAILED with the reason otherwise; the work's own exception is rethrown
 * unchanged. Every action service calls its actions through this.
 */
public final class Audited {
    private final AuditTrail trail;

    public Audited(AuditTrail trail) {
        this.trail = trail;
    }

    /** The work of one action, throwing what it throws. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T get() throws E;
    }

    /** An action without a result. */
    @FunctionalInterface
    public interface Step<E extends Exception> {
        void run() throws E;
    }

    public <T, E extends Exception> T call(String action, List<String> targets, Map<String, String> parameters, Work<T, E> work) throws E {
        T result;
        try {
            result = work.get();
        } catch (Exception | Error failure) {
            trail.record(new AuditEvent(action, targets, parameters, Denials.isDenial(failure) ? AuditResult.DENIED : AuditResult.FAILED,
                    Denials.reason(failure)));
            throw failure;
        }
        trail.record(new AuditEvent(action, targets, parameters, AuditResult.DONE, ""));
        return result;
    }

    public <E extends Exception> void run(String action, List<String> targets, Map<String, String> parameters, Step<E> step) throws E {
        call(action, targets, parameters, () -> {
            step.run();
            return null;
        });
    }

    public AuditTrail trail() {
        return trail;
    }
}
