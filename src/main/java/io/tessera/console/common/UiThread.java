package io.tessera.console.common;

/**
 * Where view-model state changes. In the app this is the JavaFX thread ({@link FxUiThread});
 * tests use a thread they drive themselves. Live sources never call {@link #execute} per message:
 * they offer values to a {@link Coalescer} or a {@link PulseBatch}, which is drained on each pulse (or frame).
 */
public interface UiThread {

    /** Runs the action once on the UI thread (directly when already on it). */
    void execute(Runnable action);

    /** Runs the action on every pulse (about every 100 ms) for the life of the application. */
    void onPulse(Runnable action);

    /**
     * Runs the action on every frame the UI thread draws (about every 16 ms), for feeds whose latency the eye sees;
     * the action must bound its own work. A UI thread without frames (tests) runs it on the pulse.
     */
    default void onFrame(Runnable action) {
        onPulse(action);
    }
}
