package io.tessera.console.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** Keeps one variable style class on a node (e.g. state-up / state-down) in step with a value. */
public final class StyleClasses {
    private StyleClasses() {}

    public static void follow(Node node, ObservableValue<String> styleClass) {
        node.getStyleClass().add(styleClass.getValue());
        styleClass.addListener((obs, old, now) -> {
            node.getStyleClass().remove(old);
            node.getStyleClass().add(now);
        });
    }
}
