package io.tessera.console.common;

/**
 * Where view-model state changes. In the app this is the JavaFX thread ({@link FxUiThread});
 * tests use a thread they drive themselves. Live sources never call {@link #execute} per message:
 * they offer values to a {@link Coalescer}, which is drained on each pulse.
 */
public interface UiThread {

    /** Runs the action once on the UI thread (directly when already on it). */
    void execute(Runnable action);

    /** Runs the action on every pulse (about every 100 ms) for the life of the application. */
    void onPulse(Runnable action);
}
