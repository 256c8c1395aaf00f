package io.tessera.engine.actions;

import io.tessera.engine.connect.ConnectionTarget;

/**
 * Whether the operator's actions on a cluster may write, and if not, why. A profile marked read-only refuses every
 * write in every action service, whatever the servers themselves would allow.
 */
public record WriteAccess(boolean allowed, String reason) {
    public static final WriteAccess ALLOWED = new WriteAccess(true, "");

    public WriteAccess {
        reason = reason == null ? "" : reason;
    }

    public static WriteAccess readOnly(String profileName) {
        return new WriteAccess(false, "profile '" + profileName + "' is read-only: no changes can be made through it");
    }

    /** What the target's profile allows. */
    public static WriteAccess of(ConnectionTarget target) {
        return target.readOnly() ? readOnly(target.profileName()) : ALLOWED;
    }
}
