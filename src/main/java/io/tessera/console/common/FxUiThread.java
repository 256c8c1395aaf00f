package io.tessera.console.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.Animation;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * The JavaFX application thread, with one shared 100 ms pulse for every coalesced feed, and one
 * {@link AnimationTimer} for the feeds applied on every frame. The running pulse timeline keeps JavaFX drawing
 * frames anyway, so the timer adds no wake-ups of its own; idle, each frame costs a check per feed.
 */
public final class FxUiThread implements UiThread {
    private static final Duration PULSE = Duration.millis(100);

    private final List<Runnable> pulseActions = new CopyOnWriteArrayList<>();
    private final List<Runnable> frameActions = new CopyOnWriteArrayList<>();
    private Timeline timeline;
    private AnimationTimer frames;

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

    @Override
    public void onFrame(Runnable action) {
        frameActions.add(action);
        execute(this::startFrames);
    }

    private void startTimeline() {
        if (timeline == null) {
            timeline = new Timeline(new KeyFrame(PULSE, e -> pulseActions.forEach(Runnable::run)));
            timeline.setCycleCount(Animation.INDEFINITE);
            timeline.play();
        }
    }

    private void startFrames() {
        if (frames == null) {
            frames = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    frameActions.forEach(Runnable::run);
                }
            };
            frames.start();
        }
    }
}
