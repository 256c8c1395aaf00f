package io.tessera.engine.dispatch;

/**
 * A task handler's view of its job's cancel and pause flags. Handlers call {@link #proceed()} before each
 * image. Flags are cached briefly, so polling per image is cheap.
 */
public interface JobControl {
    boolean isCancelled();

    boolean isPaused();

    /**
     * Waits while the job is paused. Returns true to go on with the next image, false when the job was
     * cancelled: the handler then returns the outcomes it has, and the task is acknowledged as cancelled.
     */
    boolean proceed() throws InterruptedException;

    /**
     * One more image of the task is finished (done or failed): the job's progress moves per image, not per task.
     * Cheap (a counter); the consumer writes the counts to Redis a few times a second.
     */
    default void imageFinished() {}
}
