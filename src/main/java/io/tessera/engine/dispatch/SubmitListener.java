package io.tessera.engine.dispatch;

/** The steps of filling a job's queue, as they happen (progress for a launcher; tests stop a submit between them). */
public interface SubmitListener {
    SubmitListener NONE = new SubmitListener() {};

    /** The job hash is there: made now ({@code created}), or found from an earlier submit of the same plan. */
    default void jobReady(String jobId, boolean created) {}

    /** {@code added} more tasks are on their streams ({@code queued} of {@code total} by now). */
    default void tasksAdded(String jobId, int added, long queued, long total) {}
}
