package io.tessera.engine.dispatch;

/** Task priority: workers drain the high stream before they read the normal one. */
public enum Priority {
    HIGH,
    NORMAL;

    /** Read order. */
    static final Priority[] BY_URGENCY = {HIGH, NORMAL};
}
