package io.tessera.engine.worker;

import io.tessera.engine.dispatch.TaskFaults;
import io.tessera.engine.images.CodecChatter;

/**
 * What happens to a worker once an error has left its process unsound ({@link TaskFaults#isFatal}: out of memory, an
 * internal JVM error). Whatever the policy, the worker first stops on its own ({@link Worker#fatal}): the task at hand
 * is failed with the reason (retried with backoff, dead-lettered after the last attempt, so a task that always runs
 * out of memory cannot take workers down forever), the other tasks it held are handed back to the group for other
 * workers, and it leaves membership. Then the policy is told, once, on a thread of the worker's own:
 *
 * <ul>
 *   <li>{@link #exitProcess()} for a headless {@code tessera worker}: the JVM exits with {@link #EXIT_CODE} so its
 *       service manager starts a fresh one; a JVM that ran out of memory is not trusted to go on.</li>
 *   <li>the console's pool restarts its worker in the same JVM, without taking the console down, and says so.</li>
 *   <li>{@link #STAY_STOPPED} for embedded uses (tests, benchmarks): the worker stays stopped.</li>
 * </ul>
 */
@FunctionalInterface
public interface FatalErrorPolicy {
    /** The exit code of a headless worker stopped this way: the one the JVM's own {@code -XX:+ExitOnOutOfMemoryError} uses. */
    int EXIT_CODE = 3;

    /** The worker has stopped after {@code error} (or did not finish stopping within its time limit). */
    void stopped(Worker worker, Throwable error);

    FatalErrorPolicy STAY_STOPPED = (worker, error) -> { };

    /**
     * Halts the JVM with {@link #EXIT_CODE} after one clear line on standard error. Halt, not exit: the shutdown hook
     * would drain a worker that was just abandoned, and nothing else in a JVM that ran out of memory is worth waiting for.
     */
    static FatalErrorPolicy exitProcess() {
        return (worker, error) -> {
            try {
                System.err.println("worker " + worker.id() + " exits with code " + EXIT_CODE + " after " + error
                        + "; its tasks were handed back to other workers; restart it (a service manager does)");
                System.err.flush();
                CodecChatter.restore(); // a halt runs no shutdown hooks: let the line out of the codec filter's pipe first
            } finally {
                Runtime.getRuntime().halt(EXIT_CODE);
            }
        };
    }
}
