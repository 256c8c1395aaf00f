package io.tessera.engine.events;

/** What an {@link Event} reports. */
public enum EventType {
    JOB_STARTED,
    PROGRESS,
    IMAGE_DONE,
    IMAGE_FAILED,
    /** A task failed as a whole (not one of its images) and comes back after a delay. */
    TASK_RETRY,
    /** A task failed too often and went to the dead-letter stream. */
    TASK_DEAD,
    JOB_FINISHED,
    WORKER_JOINED,
    WORKER_LEFT
}
