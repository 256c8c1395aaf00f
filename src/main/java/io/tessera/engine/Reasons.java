package io.tessera.engine;

import io.tessera.engine.zk.ZNodeException;

/**
 * Turns an exception chain into one readable line: the deepest message that says something, unless the
 * chain holds a {@link ZNodeException}, whose message was written for the operator (its cause, ZooKeeper's
 * own "KeeperErrorCode = NoAuth for …", was not).
 */
public final class Reasons {
    private Reasons() {}

    public static String oneLine(Throwable error) {
        String best = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if ((t instanceof ZNodeException || t instanceof io.tessera.engine.store.StoreException) && t.getMessage() != null) {
                return t.getMessage();
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                best = t.getMessage();
            }
        }
        if (best == null) {
            return error.getClass().getSimpleName();
        }
        String firstLine = best.strip().lines().findFirst().orElse(best);
        return firstLine.length() > 300 ? firstLine.substring(0, 300) + "…" : firstLine;
    }
}
