package io.tessera.console.app;

import io.tessera.console.common.Stylesheets;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Puts the shell into a stage; closing the window quits through the shell (stopping the local cluster first). */
public final class MainWindow {
    private MainWindow() {}

    public static void show(Stage stage, AppContext context) {
        context.theme().apply();
        Scene scene = new Scene(context.createShellView().root(), 1280, 800);
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
