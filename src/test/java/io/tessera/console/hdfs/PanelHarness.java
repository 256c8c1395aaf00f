package io.tessera.console.hdfs;

import io.tessera.console.connection.ConnectionSource;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.FxUiThread;
import io.tessera.console.common.Stylesheets;
import io.tessera.console.connection.ActiveConnection;
import io.tessera.console.theme.Theme;
import io.tessera.testing.SharedCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The HDFS panel headless in a TestFX stage against the shared embedded cluster, wired as in the app through an
 * ActiveConnection; helpers that read the scene graph on the FX thread (lookups from the test thread race the layout).
 */
final class PanelHarness {
    /** The window less the navigation rail (92 px) and the top and status bars (76 px): the panel at 1500×940 … */
    static final double[] DEFAULT_WINDOW = {1500 - 92, 940 - 76};
    /** … and at 1280×800, the smallest size the panels are checked at. */
    static final double[] SMALL_WINDOW = {1280 - 92, 800 - 76};

    final FxRobot robot = new FxRobot();
    final BackgroundTasks tasks;
    final ActiveConnection active;
    final HdfsViewModel viewModel;
    final Stage stage;
    HdfsView view;

    /** The panel at {@code width}×{@code height} with the backend of the app ({@code source} null) or the given one. */
    PanelHarness(Path scratch, double width, double height, ConnectionSource<HdfsBackend> source) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxUiThread ui = new FxUiThread();
        tasks = BackgroundTasks.daemonThreads(ui);
        active = new ActiveConnection(tasks);
        robot.interact(() -> active.use(SharedCluster.target()));
        viewModel = source == null ? new HdfsViewModel(active, tasks, ui, scratch.resolve("upload-journals"))
                : new HdfsViewModel(active, source, tasks, ui, FolderViewModel.DEFAULT_PAGE);
        FxToolkit.setupStage(s -> {
            Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
            view = new HdfsView(viewModel);
            Scene scene = new Scene(view.root(), width, height);
            scene.getStylesheets().add(Stylesheets.APP);
            s.setScene(scene);
            s.sizeToScene(); // the primary stage is shared: a test before may have resized it
            s.show();
        });
    }

    /** The panel in a scene of this size (a new scene: Monocle's headless painter fails on a window resized smaller). */
    void resize(double[] size) {
        robot.interact(() -> {
            Scene old = stage.getScene();
            old.setRoot(new javafx.scene.layout.Region());
            Scene scene = new Scene(view.root(), size[0], size[1]);
            scene.getStylesheets().setAll(old.getStylesheets());
            stage.setScene(scene);
            stage.sizeToScene();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    void stop() throws Exception {
        FxToolkit.cleanupStages();
        robot.interact(() -> active.use(null));
        tasks.shutdown();
    }

    static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    Label visibleLabel(String text) {
        return robot.lookup((Node n) -> n instanceof Label l && text.equals(l.getText()) && l.isVisible() && l.getScene() != null)
                .tryQuery().map(Label.class::cast).orElse(null);
    }

    Label visibleLabelStarting(String text) {
        return robot.lookup((Node n) -> n instanceof Label l && l.getText() != null && l.getText().startsWith(text) && l.getScene() != null)
                .tryQuery().map(Label.class::cast).orElse(null);
    }

    /** Texts of the visible labelled nodes under {@code root} (and the root) that the skin shortened with an ellipsis. On the FX thread. */
    static List<String> truncatedTexts(Parent root) {
        return Stream.concat(Stream.of(root), root.lookupAll("*").stream())
                .filter(n -> n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && shown(n))
                .map(Labeled.class::cast)
                .filter(l -> l.lookupAll(".text").stream().noneMatch(t -> t instanceof javafx.scene.text.Text text && l.getText().equals(text.getText())))
                .map(Labeled::getText).toList();
    }

    /** Visible, and so are all its parents. */
    static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
