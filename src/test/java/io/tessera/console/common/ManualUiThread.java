package io.tessera.console.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A UI thread for view-model tests: actions run at once on the caller, pulses only when the test calls {@link #pulse()}. */
public final class ManualUiThread implements UiThread {
    private final List<Runnable> pulseActions = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void execute(Runnable action) {
        action.run();
    }

    @Override
    public void onPulse(Runnable action) {
        pulseActions.add(action);
    }

    /** One UI pulse: applies whatever the coalescers hold. */
    public synchronized void pulse() {
        pulseActions.forEach(Runnable::run);
    }
}
