package io.tessera.console.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.FxUiThread;
import io.tessera.console.common.Stylesheets;
import io.tessera.console.connection.ActiveConnection;
import io.tessera.console.theme.Theme;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.monitor.MonitorMessage;
import io.tessera.engine.monitor.PendingEntry;
import io.tessera.testing.SharedCluster;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.XReadGroupParams;
import io.tessera.testing.FxTest;

/** The Monitor panel headless, driven like a user, against the shared embedded Redis (own key prefix). */
@FxTest
class MonitorViewTest {
    private final FxRobot robot = new FxRobot();
    private final String prefix = "mv-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private BackgroundTasks tasks;
    private ActiveConnection active;
    private MonitorViewModel viewModel;
    private MonitorView view;
    private ClusterConnection other;

    @BeforeEach
    void start() throws Exception {
        other = new ClusterConnection(SharedCluster.target());
        FxToolkit.registerPrimaryStage();
        FxUiThread ui = new FxUiThread();
        tasks = BackgroundTasks.daemonThreads(ui);
        active = new ActiveConnection(tasks);
        robot.interact(() -> active.use(SharedCluster.target()));
        viewModel = new MonitorViewModel(active, tasks, ui);
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
            view = new MonitorView(viewModel);
            Scene scene = new Scene(view.root(), 1200, 760);
            scene.getStylesheets().add(Stylesheets.APP);
            stage.setScene(scene);
            stage.sizeToScene(); // the primary stage is shared: a test before may have resized it
            stage.show();
        });
        robot.interact(() -> viewModel.setShown(true));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        robot.interact(() -> active.use(null));
        tasks.shutdown();
        RedisClient redis = other.redis();
        var keys = redis.scan(ScanParams.SCAN_POINTER_START, new ScanParams().match(prefix + "*").count(1000)).getResult();
        if (!keys.isEmpty()) {
            redis.del(keys.toArray(String[]::new));
        }
        other.close();
    }

    @Test
    void aPatternSubscriptionShowsWhatThePanelPublishesWithAPrettyJsonView() throws Exception {
        robot.interact(() -> robot.lookup("#subscribeField").queryAs(TextField.class).setText(prefix + "events:*"));
        robot.clickOn("#subscribeButton");
        waitFor(() -> viewModel.pubSub().subscriptions().size() == 1 && viewModel.pubSub().subscriptions().getFirst().active());
        waitFor(() -> visibleLabel(prefix + "events:*") != null);

        robot.interact(() -> {
            robot.lookup("#publishChannel").queryAs(TextField.class).setText(prefix + "events:job-1");
            robot.lookup("#publishPayload").queryAs(TextArea.class).setText("{\"type\":\"IMAGE_DONE\",\"metrics\":{\"width\":256}}");
        });
        robot.clickOn("#publishButton");
        waitFor(() -> viewModel.pubSub().message().get().endsWith("to 1 subscriber"));
        waitFor(() -> robot.lookup(".message-list").queryAs(ListView.class).getItems().size() == 1);
        waitFor(() -> visibleLabel(prefix + "events:job-1") != null);
        assertTrue(visibleLabel("IMAGE_DONE") != null, "the event's type beside the preview");
        // The subscription's count follows on the pulse.
        waitFor(() -> robot.lookup(".subscription-traffic").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("pattern · ") && ((Label) n).getText().contains(" msg/s · 1")));

        robot.clickOn("#serverRefresh");
        waitFor(() -> viewModel.pubSub().serverSummary().get().matches(".*[1-9][0-9]* pattern subscriptions.*"));

        robot.clickOn(visibleLabel(prefix + "events:job-1"));
        TextArea payload = robot.lookup(".payload-view").queryAs(TextArea.class);
        waitFor(() -> payload.getText().contains("\"type\" : \"IMAGE_DONE\",\n  \"metrics\" : {\n    \"width\" : 256"));
        assertTrue(robot.lookup("#jsonFormat").queryAs(ToggleButton.class).isSelected(), "a JSON payload opens as JSON");

        robot.clickOn("#hexFormat");
        waitFor(() -> payload.getText().startsWith("00000000  7b 22 74 79"));
        robot.clickOn("#textFormat");
        waitFor(() -> payload.getText().equals("{\"type\":\"IMAGE_DONE\",\"metrics\":{\"width\":256}}"));

        // More messages come in newest first, one batch per pulse.
        robot.interact(() -> robot.lookup("#publishChannel").queryAs(TextField.class).setText(prefix + "events:job-2"));
        robot.clickOn("#publishButton");
        waitFor(() -> viewModel.pubSub().messages().size() == 2);
        MonitorMessage newest = viewModel.pubSub().messages().getFirst();
        assertEquals(prefix + "events:job-2", newest.channel());
    }

    @Test
    void theStreamsTabShowsAGroupWithItsConsumersAndPendingEntries() throws Exception {
        DispatchKeys keys = new DispatchKeys(prefix);
        String normal = keys.tasks(Priority.NORMAL);
        RedisClient redis = other.redis();
        for (int i = 0; i < 8; i++) {
            redis.xadd(normal, StreamEntryID.NEW_ENTRY, Map.of("task", "{\"n\":" + i + "}"));
        }
        redis.xgroupCreate(normal, DispatchKeys.GROUP, new StreamEntryID(), false);
        redis.xreadGroup(DispatchKeys.GROUP, "worker-a", XReadGroupParams.xReadGroupParams().count(3), Map.of(normal, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        redis.xreadGroup(DispatchKeys.GROUP, "worker-b", XReadGroupParams.xReadGroupParams().count(2), Map.of(normal, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        redis.xadd(keys.dead(), StreamEntryID.NEW_ENTRY, Map.of("job", "j", "error", "boom"));

        robot.interact(() -> {
            robot.lookup("#prefixField").queryAs(TextField.class).setText(prefix);
            view.showStreams();
        });
        waitFor(() -> visibleLabel("workers  (2 consumers)") != null);
        waitFor(() -> robot.lookup(".queue-health").queryLabeled().getText()
                .startsWith("tasks:normal: 3 waiting, 5 pending, oldest pending idle "));
        assertTrue(robot.lookup(".queue-health").queryLabeled().getText().endsWith("2 consumers, 1 dead letter"));
        assertTrue(visibleLabel("worker-a") != null && visibleLabel("worker-b") != null, "the consumers are listed under the group");
        assertTrue(visibleLabel(normal) != null && visibleLabel(keys.dead()) != null, "both streams are listed");

        clickOnText("workers  (2 consumers)");
        @SuppressWarnings("unchecked")
        TableView<PendingEntry> pending = robot.lookup(".pending-table").queryAs(TableView.class);
        waitFor(() -> pending.getItems().size() == 5);
        assertTrue(pending.getItems().stream().allMatch(e -> e.deliveries() == 1 && e.idle().toMillis() >= 0));
        waitFor(() -> visibleLabel("Pending entries of group workers of " + normal) != null);

        clickOnText("worker-b");
        waitFor(() -> pending.getItems().size() == 2 && pending.getItems().stream().allMatch(e -> e.consumer().equals("worker-b")));

        // The tab reads again by itself: an entry acknowledged elsewhere leaves the list within a refresh or two.
        redis.xack(normal, DispatchKeys.GROUP, new StreamEntryID(pending.getItems().getFirst().id()));
        waitFor(() -> pending.getItems().size() == 1);
        assertTrue(visibleLabel("worker-b") != null, "the selection survives the refresh");
    }

    /** A label, or a table cell, showing exactly this text. */
    private Labeled visibleLabel(String text) {
        return robot.lookup((Node n) -> n instanceof Labeled l && text.equals(l.getText()) && l.isVisible() && l.getScene() != null)
                .tryQuery().map(Labeled.class::cast).orElse(null);
    }

    /**
     * Clicks where the text shows. The point is taken on the FX thread: the streams tree rebuilds its cells every 2 s,
     * so a node looked up earlier may have left the scene by the time of the click, while its row stays in place.
     */
    private void clickOnText(String text) throws Exception {
        Point2D centre = WaitForAsyncUtils.asyncFx(() -> {
            Labeled label = visibleLabel(text);
            Bounds bounds = label.localToScreen(label.getBoundsInLocal());
            return new Point2D(bounds.getCenterX(), bounds.getCenterY());
        }).get(10, TimeUnit.SECONDS);
        robot.clickOn(centre);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
