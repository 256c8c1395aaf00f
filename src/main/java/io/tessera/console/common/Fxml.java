package io.tessera.console.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads the FXML named after a view: {@code io.tessera.console.shell.ShellView} uses
 * {@code fxml/shell/ShellView.fxml}, with the view object itself as controller.
 */
public final class Fxml {
    private static final String CONSOLE_PACKAGE = "io.tessera.console.";

    private Fxml() {}

    public static <T extends Parent> T load(Object view) {
        Class<?> type = view.getClass();
        String feature = type.getPackageName().substring(CONSOLE_PACKAGE.length()).replace('.', '/');
        String path = "/io/tessera/fxml/" + feature + "/" + type.getSimpleName() + ".fxml";
        URL url = type.getResource(path);
        if (url == null) {
            throw new IllegalStateException("Missing view resource " + path);
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + path + ": " + e.getMessage(), e);
        }
    }
}
