package io.tessera.console.hdfs;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * The breathing of the cards still waiting for their thumbnail: one animation for all of them, which runs only while
 * such a card shows (checked once a cycle, so cards the grid threw away while loading do not keep it going). It steps
 * about 12 times a second rather than every frame: enough to read as "working" at a glance, at a fraction of the
 * redraws. UI thread only.
 */
final class LoadingPulse {
    private static final int STEPS = 14;
    private static final Duration PERIOD = Duration.millis(1_200);

    private final DoubleProperty opacity = new SimpleDoubleProperty(1);
    private final Timeline timeline = new Timeline();
    private final Set<Node> followed = Collections.newSetFromMap(new WeakHashMap<>());

    LoadingPulse() {
        for (int i = 0; i < STEPS; i++) {
            double phase = Math.cos(2 * Math.PI * i / STEPS); // 1 → -1 → 1
            timeline.getKeyFrames().add(new KeyFrame(PERIOD.multiply((double) i / STEPS),
                    new KeyValue(opacity, 0.65 + 0.35 * phase, Interpolator.DISCRETE)));
        }
        timeline.getKeyFrames().add(new KeyFrame(PERIOD, e -> stopUnlessShowing()));
        timeline.setCycleCount(Animation.INDEFINITE);
    }

    /** The node breathes while it is visible. */
    void follow(Node node) {
        followed.add(node);
        node.opacityProperty().bind(opacity);
        node.visibleProperty().addListener((obs, was, now) -> {
            if (now && !running()) {
                timeline.play();
            }
        });
        if (node.isVisible() && !running()) {
            timeline.play();
        }
    }

    boolean running() {
        return timeline.getStatus() == Animation.Status.RUNNING;
    }

    private void stopUnlessShowing() {
        if (followed.stream().noneMatch(n -> n.isVisible() && n.getScene() != null)) {
            timeline.stop();
            opacity.set(1);
        }
    }
}
