package io.tessera.engine.dispatch;

import io.tessera.engine.Reasons;

/**
 * What a throwable that reaches the task boundary means; the one place that decides.
 *
 * <p>Every throwable a handler lets out fails its task: the task is retried with backoff (dead-lettered after the
 * last attempt) and its slot and lease are given back once that is written, so nothing is stranded. On top of that, a
 * {@link VirtualMachineError} other than {@link StackOverflowError} (out of memory, an internal JVM error), anywhere in
 * the cause chain, leaves the process unsound: any thread may have been hit half-way through something (a lock, a
 * connection, a library's state). The consumer reports such an error to its {@link TaskListener#fatal} and the owner
 * decides (a headless worker exits, the console restarts its worker). A stack overflow unwinds cleanly to the boundary:
 * the task fails and the worker goes on.
 */
public final class TaskFaults {
    /** Cause chains are short; this only guards against a cycle. */
    private static final int MAX_DEPTH = 32;

    private TaskFaults() {}

    /** True when the error leaves the process unsound, so its worker must not go on as if nothing happened. */
    public static boolean isFatal(Throwable error) {
        return fatalIn(error) != null;
    }

    /**
     * The task's error text, one line. For a fatal error it names the JVM condition and says nothing else that would
     * need much memory to build.
     */
    public static String reason(Throwable error) {
        if (isFatal(error)) {
            return "the worker " + whatHappened(error) + " during this task";
        }
        if (error instanceof StackOverflowError) {
            return "stack overflow during this task";
        }
        if (error instanceof Error) {
            return "unexpected " + error.getClass().getSimpleName() + ": " + Reasons.oneLine(error);
        }
        return Reasons.oneLine(error);
    }

    /** For a fatal error: "ran out of memory (Java heap space)", "met a fatal JVM error (InternalError)". */
    public static String whatHappened(Throwable error) {
        Throwable fatal = fatalIn(error);
        Throwable shown = fatal == null ? error : fatal;
        return shown instanceof OutOfMemoryError ? "ran out of memory (" + shown.getMessage() + ")"
                : "met a fatal JVM error (" + shown.getClass().getSimpleName() + ")";
    }

    private static Throwable fatalIn(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
                return t;
            }
        }
        return null;
    }
}
