package io.tessera.console.app;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.FxUiThread;
import io.tessera.engine.AppDirectories;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The Tessera console. {@link #launch} blocks until the window has closed and the local cluster has stopped. */
public final class TesseraApp extends Application {
    private final AlertErrorSink errors = new AlertErrorSink();
    private AppContext context;
    private Stage stage;

    /** Starts the console and ends the JVM when it closes (Hadoop and ZooKeeper may leave non-daemon threads behind). */
    public static void launch(String... args) {
        Application.launch(TesseraApp.class, args);
        System.exit(0);
    }

    @Override
    public void init() {
        // The launcher thread, not the FX thread: reading settings here is fine.
        FxUiThread ui = new FxUiThread();
        context = new AppContext(AppDirectories.fromEnvironment(), ui, BackgroundTasks.daemonThreads(ui),
                theme -> Application.setUserAgentStylesheet(theme.userAgentStylesheet()), this::exit, errors);
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        errors.setOwner(primaryStage);
        MainWindow.show(primaryStage, context);
    }

    private void exit() {
        stage.hide();
        context.tasks().shutdown();
        Platform.exit();
    }
}
