package io.tessera.engine.dispatch;

import java.io.IOException;

/**
 * Where an operator's pause outlives Redis (the worker answers from ZooKeeper's {@code jobs/<id>/paused}). A consumer
 * asks only when Redis says a job it knew paused is paused no more: Redis may have lost the flag (restarted empty,
 * failed over, missed its last writes), and the tasks it holds of that job must not run until the operator resumes it.
 */
@FunctionalInterface
public interface PauseRecords {
    PauseRecords NONE = job -> false;

    boolean isPaused(String job) throws IOException;
}
