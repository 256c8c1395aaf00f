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

    /**
     * One of the consumer's threads met an error that leaves this process unsound ({@link TaskFaults#isFatal}). The task
     * at hand, if any, has been failed already; the consumer itself goes on until its owner decides (e.g.
     * {@link TaskConsumer#abandon}). Called on the thread that met the error: hand the decision to a thread of your own.
     */
    default void fatal(Throwable error) {}
}
