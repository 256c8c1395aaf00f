package io.tessera.engine.dispatch;

/** A job as people see it; the flags workers obey are in the control hash. */
public enum JobState {
    QUEUED,
    RUNNING,
    PAUSED,
    CANCELLED,
    /** Every task is done or dead (the counters say which). */
    FINISHED
}
