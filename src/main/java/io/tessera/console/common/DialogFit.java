package io.tessera.console.common;

import javafx.application.Platform;
import javafx.scene.Node;

/**
 * A dialog grows with what it shows (results, problems, a wrapped message) instead of clipping its buttons. New labels
 * have no size until CSS and layout ran, so the window is sized after applying both.
 */
public final class DialogFit {
    private DialogFit() {}

    /** Sizes the window that shows {@code content} to its scene, on the next pulse. */
    public static void later(Node content) {
        Platform.runLater(() -> {
            if (content.getScene() != null && content.getScene().getWindow() != null) {
                content.getScene().getRoot().applyCss();
                content.getScene().getRoot().layout();
                content.getScene().getWindow().sizeToScene();
            }
        });
    }
}
