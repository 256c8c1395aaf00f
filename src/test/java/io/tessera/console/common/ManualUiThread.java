package io.tessera.console.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A UI thread for view-model tests: actions run at once on the caller, pulses and frames only when the test calls
 * {@link #pulse()} (a pulse is also a frame, as on the JavaFX thread) or {@link #frame()}.
 */
public final class ManualUiThread implements UiThread {
    private final List<Runnable> pulseActions = new CopyOnWriteArrayList<>();
    private final List<Runnable> frameActions = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void execute(Runnable action) {
        action.run();
    }

    @Override
    public void onPulse(Runnable action) {
        pulseActions.add(action);
    }

    @Override
    public void onFrame(Runnable action) {
        frameActions.add(action);
    }

    /** One UI pulse: applies whatever the coalescers hold, and one frame. */
    public synchronized void pulse() {
        frameActions.forEach(Runnable::run);
        pulseActions.forEach(Runnable::run);
    }

    /** One frame between pulses: only the per-frame feeds move. */
    public synchronized void frame() {
        frameActions.forEach(Runnable::run);
    }
}
