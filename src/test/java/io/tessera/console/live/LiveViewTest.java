package io.tessera.console.live;

import io.tessera.engine.services.ClusterServices;
import io.tessera.engine.audit.AuditTrail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.FxUiThread;
import io.tessera.console.common.Stylesheets;
import io.tessera.console.connection.ActiveConnection;
import io.tessera.console.theme.Theme;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventPublisher;
import io.tessera.engine.events.EventType;
import io.tessera.engine.live.LiveFeed;
import io.tessera.testing.SharedCluster;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import io.tessera.testing.FxTest;

/** The Live panel headless, driven like a user, on events published to the shared cluster's Redis under a test prefix. */
@FxTest
class LiveViewTest {
    private final FxRobot robot = new FxRobot();
    private final String prefix = "live-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private ClusterConnection connection;
    private LiveBackend backend;
    private EventPublisher publisher;
    private BackgroundTasks tasks;
    private ActiveConnection active;
    private LiveViewModel viewModel;

    @BeforeEach
    void start() throws Exception {
        connection = new ClusterConnection(SharedCluster.target());
        LiveFeed feed = new LiveFeed(connection, prefix);
        backend = new LiveBackend(new ClusterServices(connection, AuditTrail.NONE), feed);
        publisher = new EventPublisher(connection.redis(), feed.keys(), 10_000);
        FxToolkit.registerPrimaryStage();
        FxUiThread ui = new FxUiThread();
        tasks = BackgroundTasks.daemonThreads(ui);
        active = new ActiveConnection(tasks);
        robot.interact(() -> active.use(SharedCluster.target()));
        viewModel = new LiveViewModel(active, () -> backend, tasks, ui, opened::add, System::currentTimeMillis);
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
            Scene scene = new Scene(new LiveView(viewModel).root(), 1200, 760);
            scene.getStylesheets().add(Stylesheets.APP);
            stage.setScene(scene);
            stage.sizeToScene(); // the primary stage is shared: a test before may have resized it
            stage.show();
        });
        robot.interact(() -> viewModel.setShown(true));
        waitFor(() -> "Live".equals(viewModel.state().get()));
        publisher.publish(Event.imageDone("job-a", "w1", "/in/a1.jpg", "/out/a1.jpg", Map.of("millis", 12)));
        publisher.publish(Event.imageDone("job-a", "w1", "/in/a2.jpg", "/out/a2.jpg", Map.of("millis", 14)));
        publisher.publish(Event.imageDone("job-b", "w2", "/in/b1.jpg", "/out/b1.jpg", Map.of("millis", 9)));
        publisher.publish(Event.imageFailed("job-b", "w2", "/in/photos/bad.jpg", "not an image: truncated JPEG"));
        publisher.publish(Event.worker(EventType.WORKER_JOINED, "w3"));
        waitFor(() -> feed().getItems().size() == 5);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        robot.interact(() -> active.use(null));
        tasks.shutdown();
        connection.redis().del(prefix + "events");
        backend.close();
        connection.close();
    }

    @Test
    void typeJobAndTextFiltersNarrowTheNewestFirstFeed() throws Exception {
        assertEquals(List.of("WORKER_JOINED", "IMAGE_FAILED", "IMAGE_DONE", "IMAGE_DONE", "IMAGE_DONE"), column(LiveRow::type), "newest first");

        robot.interact(() -> combo("#live-type-filter").setValue(EventType.IMAGE_FAILED));
        waitFor(() -> rows(r -> r.event().input()).equals(List.of("/in/photos/bad.jpg")));

        robot.interact(() -> combo("#live-type-filter").setValue(null));
        robot.interact(() -> combo("#live-job-filter").setValue("job-a"));
        waitFor(() -> rows(r -> r.event().input()).equals(List.of("/in/a2.jpg", "/in/a1.jpg")));
        assertTrue(combo("#live-job-filter").getItems().containsAll(List.of("job-a", "job-b")), "the jobs seen are offered");

        robot.interact(() -> combo("#live-job-filter").setValue(""));
        robot.clickOn("#live-text-filter").write("TRUNCATED");
        waitFor(() -> rows(r -> r.event().input()).equals(List.of("/in/photos/bad.jpg")));

        robot.interact(() -> viewModel.textFilter().set(""));
        waitFor(() -> feed().getItems().size() == 5);
        publisher.publish(Event.imageDone("job-c", "w1", "/in/c1.jpg", "/out/c1.jpg", Map.of()));
        waitFor(() -> feed().getItems().size() == 6 && "/in/c1.jpg".equals(feed().getItems().getFirst().event().input()));
    }

    @Test
    void pauseBuffersNewEventsWithACountAndResumeShowsThem() throws Exception {
        robot.clickOn("#live-pause");
        for (int i = 0; i < 3; i++) {
            publisher.publish(Event.imageDone("job-a", "w1", "/in/p" + i + ".jpg", "/out/p" + i + ".jpg", Map.of()));
        }
        waitFor(() -> "3 waiting".equals(label("#live-waiting").getText()));
        assertEquals(5, WaitForAsyncUtils.asyncFx(() -> feed().getItems().size()).get(), "paused: the feed stands still");

        robot.clickOn("#live-pause");
        waitFor(() -> feed().getItems().size() == 8 && label("#live-waiting").getText().isEmpty());
        assertEquals(List.of("/in/p2.jpg", "/in/p1.jpg", "/in/p0.jpg"), column(r -> r.event().input()).subList(0, 3));

        robot.clickOn("#live-clear");
        waitFor(() -> feed().getItems().isEmpty());
    }

    @Test
    void clickingAnErrorOpensItsImageInTheBrowser() throws Exception {
        waitFor(() -> robot.lookup(".live-error-cell").queryAll().stream().anyMatch(this::namesBadImage));
        Node cell = WaitForAsyncUtils.asyncFx(() -> robot.lookup(".live-error-cell").queryAll().stream().filter(this::namesBadImage).findFirst().orElseThrow()).get();
        robot.clickOn(cell);
        waitFor(() -> opened.equals(List.of("/in/photos/bad.jpg")));
        assertEquals("Errors (1)", WaitForAsyncUtils.asyncFx(() -> robot.lookup((Node n) -> n instanceof Label l && l.getText() != null
                && l.getText().startsWith("Errors (")).queryAs(Label.class).getText()).get());
    }

    /** The panel's area in the main window at its default size (1500×940) and at 1280×800: less the navigation, header and status bar. */
    private static final double[][] PANEL_SIZES = {{1408, 865}, {1188, 725}};

    @Test
    void idsTimesAndTypesShowWholeAndReasonsAreReadWholeAtBothWindowSizes() throws Exception {
        String job = LiveColumns.TYPICAL_JOB;
        String worker = LiveColumns.TYPICAL_WORKER;
        String reason = "corrupt image: Unknown JPEG marker 0xd9 at offset 1,204,332 (the file ends before its last scan; it was cut short while copying)";
        publisher.publish(Event.imageDone(job, worker, "/tessera/photos/2026/december/a long folder name/IMG_0001.jpg",
                "/tessera/photos/_derived/" + job + "/thumbnail-256/IMG_0001.jpg", Map.of()));
        publisher.publish(Event.imageFailed(job, worker, "/tessera/photos/2026/december/a long folder name/IMG_0002.jpg", reason));
        publisher.publish(Event.worker(EventType.WORKER_JOINED, worker));
        waitFor(() -> feed().getItems().size() == 8);
        for (double[] size : PANEL_SIZES) {
            // a window of its own at each size: resizing the shared test stage would leave it that size for other tests
            robot.interact(() -> showAlone(feed().getScene().getRoot(), size));
            WaitForAsyncUtils.waitForFxEvents();
            String at = " at " + size[0] + "×" + size[1];
            waitFor(() -> cells("Job").contains(job) && cells("Worker").contains(worker));
            for (String column : List.of("Time", "Type", "Job", "Worker")) {
                assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> cut(column)).get(), column + " cut" + at);
            }
            assertEquals(List.of(), WaitForAsyncUtils.asyncFx(this::cutHeaders).get(), "headers cut" + at);
            javafx.scene.control.Labeled reasonCell = WaitForAsyncUtils.asyncFx(() -> feed().lookupAll(".table-cell").stream()
                    .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && reason.equals(c.getText())).map(javafx.scene.control.Labeled.class::cast)
                    .findFirst().orElseThrow()).get();
            assertEquals(reason, reasonCell.getTooltip().getText(), "a reason cut at the column's width is whole in its tooltip" + at);
            waitFor(() -> robot.lookup(".live-error-reason").queryAll().stream().anyMatch(n -> ((Label) n).getText().endsWith(reason)));
            Label wrapped = WaitForAsyncUtils.asyncFx(() -> robot.lookup(".live-error-reason").queryAll().stream().map(Label.class::cast)
                    .filter(l -> l.getText().endsWith(reason)).findFirst().orElseThrow()).get();
            assertEquals(List.of(wrapped.getText()), WaitForAsyncUtils.asyncFx(() -> shownText(wrapped)).get(), "the error list wraps the reason, whole" + at);
        }
    }

    /** Moves the panel into a new window of this size (closed by the test's clean-up). */
    private static void showAlone(javafx.scene.Parent root, double[] size) {
        javafx.stage.Stage stage = new javafx.stage.Stage();
        Scene scene = new Scene(new javafx.scene.layout.Pane(), size[0], size[1]);
        scene.getStylesheets().add(Stylesheets.APP);
        root.getScene().setRoot(new javafx.scene.layout.Pane()); // a root belongs to one scene at a time
        scene.setRoot(root);
        stage.setScene(scene);
        stage.show();
    }

    /** Texts of a column's cells the skin shortened with an ellipsis. */
    private List<String> cut(String column) {
        return feed().lookupAll(".table-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null && column.equals(c.getTableColumn().getText()))
                .map(javafx.scene.control.Labeled.class::cast)
                .filter(l -> l.getText() != null && !l.getText().isEmpty() && !shownText(l).equals(List.of(l.getText())))
                .map(javafx.scene.control.Labeled::getText).toList();
    }

    private List<String> cells(String column) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> feed().lookupAll(".table-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null && column.equals(c.getTableColumn().getText()))
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).toList()).get();
    }

    private List<String> cutHeaders() {
        return feed().lookupAll(".column-header .label").stream().map(javafx.scene.control.Labeled.class::cast)
                .filter(l -> !shownText(l).equals(List.of(l.getText()))).map(javafx.scene.control.Labeled::getText).toList();
    }

    /** What the skin draws of a label: its Text nodes' texts joined (wrapped lines are one Text). */
    private static List<String> shownText(javafx.scene.control.Labeled label) {
        return label.lookupAll(".text").stream().filter(t -> t instanceof javafx.scene.text.Text).map(t -> ((javafx.scene.text.Text) t).getText()).toList();
    }

    private boolean namesBadImage(Node node) {
        return node instanceof ErrorCell cell && cell.getItem() != null && "/in/photos/bad.jpg".equals(cell.getItem().subject());
    }

    @SuppressWarnings("unchecked")
    private TableView<LiveRow> feed() {
        return robot.lookup("#live-feed").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    private Label label(String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

    /** On the test thread. */
    private List<String> column(java.util.function.Function<LiveRow, String> value) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> rows(value)).get();
    }

    /** On the FX thread. */
    private List<String> rows(java.util.function.Function<LiveRow, String> value) {
        return feed().getItems().stream().map(value).toList();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        // Look the scene graph up on the FX thread: lookups from the test thread race the layout.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
