package io.tessera.engine.dispatch;

/**
 * What {@link Dispatcher#fill} did: whether it made the job hash ({@code created}; false when it was there), and how
 * many tasks it put on their streams, of the job's {@code total}.
 */
public record QueueFill(boolean created, int tasksAdded, long total) {}
