package io.tessera.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.FxUiThread;
import io.tessera.console.connection.LocalCluster;
import io.tessera.console.connection.Session;
import io.tessera.console.shell.Panel;
import io.tessera.console.theme.Theme;
import io.tessera.engine.AppDirectories;
import io.tessera.engine.cluster.EmbeddedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import io.tessera.testing.FxTest;

/** The whole window against a real embedded HDFS, ZooKeeper and Redis in a temporary home. */
@FxTest
class ConsoleSmokeTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private BackgroundTasks tasks;

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
        if (tasks != null) {
            tasks.shutdown();
        }
    }

    @Test
    void theShellConnectsToTheLocalClusterNavigatesTogglesThemeAndStopsTheClusterOnClose() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxUiThread ui = new FxUiThread();
        tasks = BackgroundTasks.daemonThreads(ui);
        CountDownLatch exited = new CountDownLatch(1);
        List<String> errors = new CopyOnWriteArrayList<>();
        AppDirectories dirs = AppDirectories.under(home);
        AppContext context = new AppContext(dirs, ui, tasks, theme -> Application.setUserAgentStylesheet(theme.userAgentStylesheet()),
                exited::countDown, (what, reason) -> errors.add(what + ": " + reason));
        FxToolkit.setupStage(s -> MainWindow.show(s, context));
        assertTrue(stage.isShowing());

        // The window is usable while the cluster starts: navigation answers at once.
        robot.clickOn("#nav-hdfs");
        assertTrue(robot.lookup("#hdfs-panel").query().isVisible(), "the HDFS panel shows");
        assertEquals(Panel.HDFS, context.shell().selectedProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Panel.JOBS, context.shell().selectedProperty().get());
        assertFalse(robot.lookup("#hdfs-panel").query().isVisible(), "one panel at a time");
        assertTrue(robot.lookup("#jobs-panel").query().isVisible(), "the Jobs panel shows");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Panel.HEALTH, context.shell().selectedProperty().get());

        // Three services up in the status bar.
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> onFx(() -> Stream.of("hdfs", "zookeeper", "redis")
                .allMatch(id -> robot.lookup("#status-" + id).query().getStyleClass().contains("state-up"))));
        // The Health card is styled from the same result a moment later (its own listener): wait, don't race.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#card-redis").query().getStyleClass().contains("state-up")));
        assertEquals("Local", robot.lookup(".status-profile").queryLabeled().getText());

        // Theme: the button and Ctrl+Shift+T swap the user agent stylesheet.
        assertEquals(Theme.LIGHT.userAgentStylesheet(), Application.getUserAgentStylesheet());
        robot.clickOn("#themeToggle");
        assertEquals(Theme.DARK.userAgentStylesheet(), Application.getUserAgentStylesheet());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.LIGHT.userAgentStylesheet(), Application.getUserAgentStylesheet());

        // About: the toolbar's info button (or F1) opens the dialog over the window; Close closes it.
        robot.clickOn("#aboutButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(dirs.data().toString(), robot.lookup("#about-data-folder").queryLabeled().getText());
        robot.clickOn("#about-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#about-copy").queryAll().isEmpty(), "the About dialog closed");

        // Closing the window stops the local cluster in the background, then exits.
        Path endpoints = EmbeddedCluster.endpointsFile(dirs.localCluster());
        assertTrue(Files.exists(endpoints));
        // The stop can be over by the time the robot returns: record the phases rather than sample one.
        List<Session.Phase> phases = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> context.session().phaseProperty().addListener((o, was, now) -> phases.add(now)));
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertEquals(Session.Phase.STOPPING, phases.getFirst(), "closing the window starts a stop");
        assertTrue(shown("Stopping the local cluster"), "a stopping indication");
        assertTrue(exited.await(60, TimeUnit.SECONDS), "the exit action ran");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LocalCluster.State.STOPPED, context.session().localCluster().stateProperty().get());
        assertFalse(Files.exists(endpoints), "the cluster removed its endpoints file on stop");
        assertEquals(List.of(), errors);
    }

    /** Whether a label with this text is on screen (it and all its parents visible). */
    private boolean shown(String text) {
        return robot.lookup((Node node) -> node instanceof Labeled label && text.equals(label.getText())).queryAll().stream()
                .anyMatch(ConsoleSmokeTest::treeVisible);
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Evaluates a scene-graph condition on the FX thread: lookups from the test thread race the layout. */
    private static boolean onFx(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition).get();
    }
}
