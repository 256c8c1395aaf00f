package io.tessera.engine.dispatch;

/**
 * Hears what a {@link TaskConsumer} does, to keep a view elsewhere (a worker keeps shard states in
 * ZooKeeper with it). Called on the consumer's own threads: return quickly, and never throw.
 */
public interface TaskListener {
    TaskListener NONE = new TaskListener() {};

    /** A handler thread is about to run {@code task}. */
    default void started(Task task) {}

    /** The completion of {@code task} was written, {@code waitedNanos} after the handler returned. */
    default void acknowledged(Task task, long waitedNanos) {}

    /** A completion was written and changed this shard's tally (on the completion writer's thread). */
    default void counted(ShardTally tally) {}
}
