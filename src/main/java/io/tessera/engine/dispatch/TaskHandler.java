package io.tessera.engine.dispatch;

import java.util.List;

/**
 * Runs one task on a worker. Returns one outcome per image processed, in any order: an image that
 * cannot be processed is a {@link ImageOutcome.Failed} outcome (final). Throwing means the task as a
 * whole failed (e.g. storage unreachable): it is retried with backoff, and dead-lettered after the
 * last attempt. A task may run more than once (at-least-once delivery): write outputs idempotently.
 */
@FunctionalInterface
public interface TaskHandler {
    List<ImageOutcome> handle(Task task, JobControl control) throws Exception;
}
