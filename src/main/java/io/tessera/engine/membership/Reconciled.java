package io.tessera.engine.membership;

/**
 * What one reconciliation of a job found and did.
 *
 * @param rebuilt   what was re-created in the queue, in words for the log; null when nothing was missing
 * @param exists    the queue holds the job (after the reconciliation)
 * @param cancelled the queue says the job was cancelled
 * @param over      the queue says every task of the job is settled
 */
public record Reconciled(String rebuilt, boolean exists, boolean cancelled, boolean over) {
    public static final Reconciled NOTHING = new Reconciled(null, false, false, false);
}
