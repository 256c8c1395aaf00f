package io.tessera.engine.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One thing that happened to a job or a worker, as JSON on the results stream and the event channels.
 * {@code id} is the entry id in the results stream ("1700000000000-0"): ids grow, so a reader that
 * remembers the last id it saw can replay exactly what it missed. Fields that do not apply are null.
 *
 * @param time     epoch milliseconds: when the image was finished on its worker (IMAGE_DONE, IMAGE_FAILED), else when the
 *                 event was written (of the Redis server when a script wrote it)
 * @param metrics  small figures of an image (IMAGE_DONE), e.g. width, height, millis
 * @param state    the job state (PROGRESS, JOB_FINISHED)
 * @param counts   the job counters after the change (JOB_STARTED, PROGRESS, JOB_FINISHED)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Event(String id, EventType type, String job, String worker, long time,
                    String input, String output, Map<String, Object> metrics, String reason, Integer attempt,
                    String state, JobCounts counts) {

    public static Event jobStarted(String job, JobCounts counts) {
        return new Event(null, EventType.JOB_STARTED, job, null, System.currentTimeMillis(), null, null, null, null, null, "QUEUED", counts);
    }

    public static Event imageDone(String job, String worker, String input, String output, Map<String, Object> metrics) {
        return imageDone(job, worker, input, output, metrics, System.currentTimeMillis());
    }

    /** @param time when the image was finished (epoch ms), which may be before the event is written */
    public static Event imageDone(String job, String worker, String input, String output, Map<String, Object> metrics, long time) {
        return new Event(null, EventType.IMAGE_DONE, job, worker, time, input, output, metrics, null, null, null, null);
    }

    public static Event imageFailed(String job, String worker, String input, String reason) {
        return imageFailed(job, worker, input, reason, System.currentTimeMillis());
    }

    public static Event imageFailed(String job, String worker, String input, String reason, long time) {
        return new Event(null, EventType.IMAGE_FAILED, job, worker, time, input, null, null, reason, null, null, null);
    }

    /** A whole task failed: {@code type} is TASK_RETRY or TASK_DEAD; {@code input} names the task. */
    public static Event taskFailed(EventType type, String job, String worker, String task, int attempt, String reason) {
        return new Event(null, type, job, worker, System.currentTimeMillis(), task, null, null, reason, attempt, null, null);
    }

    public static Event worker(EventType type, String worker) {
        return new Event(null, type, null, worker, System.currentTimeMillis(), null, null, null, null, null, null, null);
    }

    public Event withId(String streamId) {
        return new Event(streamId, type, job, worker, time, input, output, metrics, reason, attempt, state, counts);
    }
}
