package io.tessera.console.app;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.FxUiThread;
import io.tessera.engine.AppDirectories;
import io.tessera.engine.StopSignals;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Tessera console. {@link #launch} blocks until the window has closed and the local cluster has stopped. */
public final class TesseraApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(TesseraApp.class);
    /** 0, or the status of the signal the console quit on (Ctrl-C: 130, SIGTERM: 143). */
    private static volatile int exitStatus;
    private final AlertErrorSink errors = new AlertErrorSink();
    private AppContext context;
    private Stage stage;

    /** Starts the console and ends the JVM when it closes (Hadoop and ZooKeeper may leave non-daemon threads behind). */
    public static void launch(String... args) {
        Application.launch(TesseraApp.class, args);
        System.exit(exitStatus);
    }

    @Override
    public void init() {
        // The launcher thread, not the FX thread: reading settings here is fine.
        FxUiThread ui = new FxUiThread();
        context = new AppContext(AppDirectories.fromEnvironment(), ui, BackgroundTasks.daemonThreads(ui),
                theme -> Application.setUserAgentStylesheet(theme.userAgentStylesheet()), this::exit, errors);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("console-stop").unstarted(this::stopAsTheJvmEnds));
    }

    /**
     * The JVM ends before the console has quit (a second Ctrl-C or SIGTERM, or a signal before the window is up): stop
     * here and now as quitting does, so no worker task or local server is left behind.
     */
    private void stopAsTheJvmEnds() {
        try {
            context.shell().stopBeforeExit();
        } catch (RuntimeException e) {
            LOG.warn("The console did not stop cleanly on a signal: {}", e.toString());
        }
    }

    @Override
    public void start(Stage primaryStage) {
        FxThreadFailures.handleOnThisThread();
        stage = primaryStage;
        errors.setOwner(primaryStage);
        MainWindow.show(primaryStage, context);
        StopSignals.onFirst(this::quitOnSignal);
    }

    /**
     * Ctrl-C in the terminal or a SIGTERM: quit as closing the window does, while the JVM still runs as usual. Should the
     * UI thread never get to it (hung), the JVM ends anyway a while after quitting's own grace period.
     */
    private void quitOnSignal(int status) {
        exitStatus = status;
        LOG.info("Quitting on a signal");
        Platform.runLater(() -> context.shell().quit());
        Thread.ofPlatform().daemon().name("console-quit-deadline").start(() -> {
            try {
                Thread.sleep(AppContext.STOP_GRACE.multipliedBy(2));
            } catch (InterruptedException e) {
                return;
            }
            LOG.warn("The console had not quit {} s after the signal: ending the JVM", AppContext.STOP_GRACE.multipliedBy(2).toSeconds());
            System.exit(status);
        });
    }

    private void exit() {
        stage.hide();
        context.tasks().shutdown();
        Platform.exit();
    }
}
