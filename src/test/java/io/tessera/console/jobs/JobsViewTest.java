package io.tessera.console.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.FxUiThread;
import io.tessera.console.common.Stylesheets;
import io.tessera.console.theme.Theme;
import io.tessera.engine.dispatch.JobState;
import io.tessera.testing.SharedCluster;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import io.tessera.testing.FxTest;

/** The Jobs panel headless against the shared cluster, with the console pool working the jobs. */
@FxTest
class JobsViewTest {
    private final FxRobot robot = new FxRobot();
    private BackgroundTasks tasks;
    private JobsTesting world;
    private JobsViewModel viewModel;
    private JobsView view;
    @TempDir Path config;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxUiThread ui = new FxUiThread();
        tasks = BackgroundTasks.daemonThreads(ui);
        world = new JobsTesting(tasks, ui, config, () -> null);
        viewModel = world.viewModel;
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
            view = new JobsView(viewModel);
            Scene scene = new Scene(view.root(), 1260, 780);
            scene.getStylesheets().add(Stylesheets.APP);
            stage.setScene(scene);
            stage.sizeToScene(); // the primary stage is shared: a test before may have resized it
            stage.show();
        });
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        // the shared FX pulse outlives this test: stop the panel's polling before its executor goes
        robot.interact(() -> viewModel.setShown(false));
        world.close();
        tasks.shutdown();
    }

    @Test
    void aStartedJobShowsItsProgressInTheTableAndItsFailedImageInTheDetail() throws Exception {
        String input = world.folder(4, "empty.jpg", ".cover.jpg");
        waitFor(() -> world.pool.running().get());
        waitFor(() -> shown("Local worker: 2 threads, on"));
        robot.interact(() -> viewModel.launcher().input().set(input));
        robot.clickOn("Estimate");
        waitFor(() -> visibleLabelContaining(".jobs-estimate", "1 hidden file left out (its name starts with '.')") != null);
        robot.clickOn("Start");

        waitFor(() -> view.table().getItems().size() == 1 && view.table().getItems().getFirst().status().state() == JobState.FINISHED);
        JobRow row = view.table().getItems().getFirst();
        assertEquals(1.0, row.progress());
        waitFor(() -> shown("5 / 5"));
        assertTrue(row.id().startsWith("thumbs-"), row.id());
        waitFor(() -> view.table().getSelectionModel().getSelectedItem() == row);
        waitFor(() -> errorsShown().stream().anyMatch(line -> line.startsWith(input + "/empty.jpg: ")));
        waitFor(() -> viewModel.detail().errors().size() == 1);
        assertTrue(robot.lookup("#jobs-panel .button").queryAll().stream().anyMatch(b -> "Retry failed".equals(((javafx.scene.control.Button) b).getText())
                && !b.isDisabled()), "retry failed is offered once the job is over with a failure");
    }

    @Test
    void aBadOpParameterIsShownInTheFormAndNothingStarts() throws Exception {
        TextField box = WaitForAsyncUtils.asyncFx(() -> robot.lookup(".jobs-op-field").queryAs(TextField.class)).get();
        robot.interact(() -> box.setText("0")); // what the field holds after typing; the form follows the field
        waitFor(() -> visibleLabelContaining(".jobs-op-error", "thumbnail") != null);
        robot.interact(() -> viewModel.launcher().input().set("/tessera/photos"));
        // the form has grown below the window's bottom edge (it scrolls): press the button rather than click a point
        robot.interact(() -> robot.lookup((Node n) -> n instanceof javafx.scene.control.Button b && "Start".equals(b.getText())).queryButton().fire());
        waitFor(() -> visibleLabelContaining(".jobs-problem", "Op 1 (Thumbnail): ") != null);
        assertTrue(view.table().getItems().isEmpty(), "nothing started");
    }

    /** The panel's area in the main window at its default size (1500×940) and at 1280×800: less the navigation, header and status bar. */
    static final double[][] PANEL_SIZES = {{1408, 865}, {1188, 725}};

    @Test
    void theShardsTabShowsWholeHeadersAndValuesAtBothWindowSizes() throws Exception {
        String input = world.folder(3);
        waitFor(() -> world.pool.running().get());
        robot.interact(() -> viewModel.launcher().input().set(input));
        robot.interact(() -> robot.lookup((Node n) -> n instanceof javafx.scene.control.Button b && "Start".equals(b.getText())).queryButton().fire());
        waitFor(() -> view.table().getItems().size() == 1 && view.table().getItems().getFirst().status().state() == JobState.FINISHED);
        waitFor(() -> view.table().getSelectionModel().getSelectedItem() != null);
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = robot.lookup(".jobs-detail-tabs").queryAs(javafx.scene.control.TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().startsWith("Shards")).findFirst().orElseThrow());
        });
        waitFor(() -> viewModel.detail().shards().size() == 1 && shown("Shards (1)"));
        for (double[] size : PANEL_SIZES) {
            // a window of its own at each size: resizing the shared test stage would leave it that size for other tests
            robot.interact(() -> {
                javafx.stage.Stage alone = new javafx.stage.Stage();
                Scene scene = new Scene(new javafx.scene.layout.Pane(), size[0], size[1]);
                scene.getStylesheets().add(Stylesheets.APP);
                view.root().getScene().setRoot(new javafx.scene.layout.Pane()); // a root belongs to one scene at a time
                scene.setRoot(view.root());
                alone.setScene(scene);
                alone.show();
            });
            WaitForAsyncUtils.waitForFxEvents();
            waitFor(() -> !shownCells(".jobs-shards").isEmpty());
            // the jobs table too, with the launcher open: the whole job id, state and count
            assertEquals(java.util.List.of(), fx(() -> cutTexts(".jobs-table", ".jobs-shards", ".jobs-detail-tabs")), "nothing cut at " + size[0] + "×" + size[1]);
            assertEquals(java.util.List.of(), fx(() -> cutPrompts(".jobs-launcher")), "the launcher's hints whole at " + size[0] + "×" + size[1]);
            assertTrue(fx(() -> shownCells(".jobs-shards").containsAll(java.util.List.of("Shard", "State", "Images", "Done", "Failed", "Owner", "3"))),
                    fx(() -> shownCells(".jobs-shards").toString()));
        }

        // where the id does not fit (real fonts are wider than the test's), it keeps both ends, and the tooltip has it whole
        String id = view.table().getItems().getFirst().id();
        robot.interact(() -> view.table().getColumns().getFirst().setPrefWidth(110));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableCell<?, ?> cell = fx(() -> robot.lookup(".jobs-table .table-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n).filter(c -> id.equals(c.getText())).findFirst().orElseThrow());
        String drawn = fx(() -> cell.lookupAll(".text").stream().map(t -> ((javafx.scene.text.Text) t).getText()).findFirst().orElseThrow());
        assertTrue(drawn.contains(cell.getEllipsisString()) && drawn.startsWith(id.substring(0, 3)) && drawn.endsWith(id.substring(id.length() - 3)), drawn + " of " + id);
        assertEquals(id, fx(() -> cell.getTooltip().getText()));
    }

    @Test
    void aReadOnlyProfileDisablesEveryJobWriteWithItsReason() throws Exception {
        String reason = "profile '" + SharedCluster.target().profileName() + "' is read-only: no changes can be made through it";
        java.util.List<String> writes = java.util.List.of("Start", "Cancel", "Pause", "Resume", "Retry failed", "Requeue dead letters");
        robot.interact(() -> world.active.use(SharedCluster.target().withReadOnly(true)));
        waitFor(() -> view.root().lookupAll(".label").stream().anyMatch(n -> n instanceof Label l && l.getText().endsWith("jobs on its Redis · read-only")));
        waitFor(() -> shown("Local worker: off (read-only profile)")); // a worker writes outputs: the console runs none
        for (String text : writes) {
            javafx.scene.control.Button button = fx(() -> button(text));
            assertTrue(button.isDisabled(), text + " is disabled");
            assertEquals(reason, fx(() -> button.getTooltip().getText()), text + " says why");
        }

        robot.interact(() -> world.active.use(SharedCluster.target()));
        javafx.scene.control.Button start = fx(() -> button("Start"));
        waitFor(() -> !start.isDisabled());
        assertEquals("", fx(() -> start.getTooltip().getText()), "a writable profile: no read-only reason");
    }

    private javafx.scene.control.Button button(String text) {
        return robot.lookup((Node n) -> n instanceof javafx.scene.control.Button b && text.equals(b.getText())).queryButton();
    }

    /** Texts of labels, cells and tab labels under these nodes that the skin shortened (an ellipsis in place of the end). */
    private java.util.List<String> cutTexts(String... roots) {
        return labels(roots).stream()
                .filter(l -> l.isVisible() && l.lookupAll(".text").stream().noneMatch(t -> t instanceof javafx.scene.text.Text text && l.getText().equals(text.getText())))
                .map(javafx.scene.control.Labeled::getText).toList();
    }

    /** Prompt texts of empty text fields under this node wider than the field's room for text (drawn cut off). */
    private java.util.List<String> cutPrompts(String root) {
        java.util.List<String> cut = new java.util.ArrayList<>();
        for (Node n : robot.lookup(root).query().lookupAll(".text-field")) {
            if (n instanceof javafx.scene.control.TextField field && field.isVisible() && field.getText().isEmpty()
                    && field.getPromptText() != null && !field.getPromptText().isEmpty()) {
                javafx.scene.text.Text prompt = new javafx.scene.text.Text(field.getPromptText());
                prompt.setFont(field.getFont());
                double room = field.getWidth() - field.getInsets().getLeft() - field.getInsets().getRight();
                if (prompt.getLayoutBounds().getWidth() > room) {
                    cut.add(field.getPromptText());
                }
            }
        }
        return cut;
    }

    private java.util.List<String> shownCells(String table) {
        return labels(table).stream().map(javafx.scene.control.Labeled::getText).toList();
    }

    /** Cells, column headers and tab labels with text under these nodes. */
    private java.util.List<javafx.scene.control.Labeled> labels(String... roots) {
        java.util.List<javafx.scene.control.Labeled> found = new java.util.ArrayList<>();
        for (String root : roots) {
            for (String part : java.util.List.of(".table-cell", ".column-header .label", ".tab-label")) {
                for (Node n : robot.lookup(root).query().lookupAll(part)) {
                    if (n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isEmpty()) {
                        found.add(l);
                    }
                }
            }
        }
        return found;
    }

    private static <T> T fx(java.util.concurrent.Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get();
    }

    private java.util.List<String> errorsShown() {
        @SuppressWarnings("unchecked")
        ListView<String> list = robot.lookup(".jobs-errors").queryAs(ListView.class);
        return list.getItems();
    }

    /** A label, button, tab or table cell showing exactly this text. */
    private boolean shown(String text) {
        return robot.lookup((Node n) -> n instanceof javafx.scene.control.Labeled l && text.equals(l.getText()) && n.isVisible() && n.getScene() != null)
                .tryQuery().isPresent();
    }

    private Label visibleLabelContaining(String styleClass, String text) {
        return robot.lookup(styleClass).queryAll().stream()
                .filter(n -> n instanceof Label l && l.getText() != null && l.getText().contains(text) && l.isVisible())
                .map(Label.class::cast).findFirst().orElse(null);
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        // Look the scene graph up on the FX thread: lookups from the test thread race the layout.
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited 60 s; " + fx(this::state), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What the panel shows and the pool is doing: what a timed-out wait reports. */
    private String state() {
        return "jobs shown: " + view.table().getItems().stream().map(row -> row.id() + " " + row.status().state() + " " + row.status().counts()).toList()
                + "; launcher problems: " + viewModel.launcher().problems() + "; launcher says: " + viewModel.launcher().estimateText().get()
                + "; worker pool: " + world.pool.status().get() + (world.pool.running().get() ? " (running)" : " (not running)");
    }
}
