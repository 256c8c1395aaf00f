package io.tessera.console.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;

/** The JavaFX application thread, with one shared 100 ms pulse for every coalesced feed. */
public final class FxUiThread implements UiThread {
    private static final Duration PULSE = Duration.millis(100);

    private final List<Runnable> pulseActions = new CopyOnWriteArrayList<>();
    private Timeline timeline;

    @Override
    public void execute(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void onPulse(Runnable action) {
        pulseActions.add(action);
        execute(this::startTimeline);
    }

    private void startTimeline() {
        if (timeline == null) {
            timeline = new Timeline(new KeyFrame(PULSE, e -> pulseActions.forEach(Runnable::run)));
            timeline.setCycleCount(Animation.INDEFINITE);
            timeline.play();
        }
    }
}
