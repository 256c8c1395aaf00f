package io.tessera.engine.store;

/** Whether an action is allowed, and if not the one-line reason ("/data is owned by hdfs:supergroup, mode drwxr-xr-x: …"). */
public record Permit(boolean allowed, String reason) {
    public static final Permit ALLOWED = new Permit(true, "");

    public static Permit denied(String reason) {
        return new Permit(false, reason);
    }
}
