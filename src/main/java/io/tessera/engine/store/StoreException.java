package io.tessera.engine.store;

/**
 * A file operation that failed, with a message fit for a dialog ("permission denied: /data/x") and
 * a {@link Problem} the UI can branch on. The Hadoop exception stays as the cause, for the log.
 */
public final class StoreException extends Exception {
    public enum Problem { PERMISSION_DENIED, NOT_FOUND, ALREADY_EXISTS, NOT_A_FILE, TRASH_DISABLED, SAFE_MODE, FAILED }

    private final Problem problem;
    private final String path;

    public StoreException(Problem problem, String path, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.path = path;
    }

    public StoreException(Problem problem, String path, String message) {
        this(problem, path, message, null);
    }

    public Problem problem() {
        return problem;
    }

    public String path() {
        return path;
    }
}
