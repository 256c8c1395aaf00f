package io.tessera.engine;

/** Turns an exception chain into one readable line: the deepest message that says something. */
public final class Reasons {
    private Reasons() {}

    public static String oneLine(Throwable error) {
        String best = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
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
