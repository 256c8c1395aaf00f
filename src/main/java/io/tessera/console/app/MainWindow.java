package io.tessera.console.app;

import io.tessera.console.common.Stylesheets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Puts the shell into a stage; closing the window quits through the shell (stopping the local cluster first). */
public final class MainWindow {
    private MainWindow() {}

    public static void show(Stage stage, AppContext context) {
        context.theme().apply();
        // Room for a folder tree, a detail table and a preview side by side, within the screen it opens on.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(1500, screen.getWidth() * 0.94);
        double height = Math.min(940, screen.getHeight() * 0.94);
        Scene scene = new Scene(context.createShellView().root(), width, height);
        scene.getStylesheets().add(Stylesheets.APP);
        stage.setTitle("Tessera");
        stage.getIcons().setAll(AppIcons.all());
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> {
            event.consume();
            context.shell().quit();
        });
        stage.show();
        context.start();
    }
}
