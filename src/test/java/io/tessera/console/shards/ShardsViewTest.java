package io.tessera.console.shards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.FxUiThread;
import io.tessera.console.common.Stylesheets;
import io.tessera.console.connection.ActiveConnection;
import io.tessera.console.theme.Theme;
import io.tessera.engine.shard.ShardState;
import io.tessera.engine.shard.ShardStore;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.engine.zk.ZooKeeperTesting;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import io.tessera.testing.FxTest;

/** The Shards panel headless, driven like a user, against a real in-process ZooKeeper. */
@FxTest
class ShardsViewTest {
    private final FxRobot robot = new FxRobot();
    private TestingServer server;
    private String chroot;
    private ZkAccess other;
    private BackgroundTasks tasks;
    private ActiveConnection active;
    private ShardsViewModel viewModel;
    private ShardsView view;

    @BeforeEach
    void start() throws Exception {
        server = new TestingServer(true);
        chroot = ZooKeeperTesting.freshChroot();
        other = ZooKeeperTesting.connect(server.getConnectString(), chroot);
        other.ensurePath("/jobs");
        FxToolkit.registerPrimaryStage();
        FxUiThread ui = new FxUiThread();
        tasks = BackgroundTasks.daemonThreads(ui);
        active = new ActiveConnection(tasks);
        robot.interact(() -> active.use(ZooKeeperTesting.target(server.getConnectString(), chroot, null, null)));
        viewModel = new ShardsViewModel(active, tasks, ui);
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
            view = new ShardsView(viewModel);
            Scene scene = new Scene(view.root(), 1200, 760);
            scene.getStylesheets().add(Stylesheets.APP);
            stage.setScene(scene);
            stage.sizeToScene(); // the primary stage is shared: a test before may have resized it
            stage.show();
        });
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        robot.interact(() -> active.use(null));
        tasks.shutdown();
        other.client().close();
        server.close();
    }

    @Test
    void theTreeOpensOnTheTesseraRootExpandsOnDemandAndShowsTheSelectedNodesDetails() throws Exception {
        other.client().create().creatingParentsIfNeeded().forPath("/jobs/j1/shards/00000");
        other.client().create().forPath("/jobs/j1/shards/00001");
        other.client().setData().forPath("/jobs/j1", "{\"id\":\"j1\",\"shards\":2}".getBytes(StandardCharsets.UTF_8));

        robot.interact(() -> viewModel.setShown(true));
        waitFor(() -> visibleLabel("jobs") != null);

        robot.doubleClickOn(visibleLabel("jobs"));
        waitFor(() -> visibleLabel("j1") != null);
        robot.clickOn(visibleLabel("j1"));

        waitFor(() -> robot.lookup(".node-data").queryAs(TextArea.class).getText().contains("\"id\" : \"j1\""));
        assertTrue(robot.lookup((Node n) -> n instanceof Label l && (chroot + "/jobs/j1").equals(l.getText())).tryQuery().isPresent(),
                "the details name the node");
        assertTrue(robot.lookup((Node n) -> n instanceof Label l && "Data version".equals(l.getText())).tryQuery().isPresent(), "stat shown");
        assertEquals("world:anyone:cdrwa", robot.lookup(".acl-list").queryAs(ListView.class).getItems().getFirst());

        robot.doubleClickOn(visibleLabel("j1"));
        waitFor(() -> visibleLabel("shards") != null);
        Node shardsRow = visibleLabel("shards").getParent();
        assertTrue(shardsRow.lookupAll(".znode-count").stream().anyMatch(c -> "2".equals(((Label) c).getText())), "the child count is shown");

        // The path field opens the rows on the way (loading them in the background) and selects the node.
        String target = chroot + "/jobs/j1/shards/00001";
        robot.interact(() -> robot.lookup("#pathField").queryAs(TextField.class).setText(target));
        robot.clickOn("#goButton");
        waitFor(() -> {
            @SuppressWarnings("unchecked")
            TreeView<ZNodeEntry> tree = robot.lookup(".znode-tree").queryAs(TreeView.class);
            TreeItem<ZNodeEntry> selected = tree.getSelectionModel().getSelectedItem();
            return selected != null && target.equals(selected.getValue().path());
        });
        waitFor(() -> visibleLabel(target) != null);
    }

    @Test
    void theShardMapDrawsOneTilePerShardAndRecoloursATileWhenItsShardChangesState() throws Exception {
        ShardsTesting.storeJob(other, "map-job", 60, 1);
        robot.interact(() -> {
            viewModel.setShown(true);
            view.showShardMap();
        });
        ShardMapCanvas canvas = view.shardMapView().canvas();
        waitFor(() -> canvas.tiles() != null && canvas.tiles().size() == 60);
        waitFor(() -> "Planned  60".equals(legend(ShardState.PLANNED)));
        assertEquals(ShardColors.fill(ShardState.PLANNED), pixelAtTile(canvas, 7));

        new ShardStore(other).claim("map-job", 7, "worker-a");

        waitFor(() -> "Running  1".equals(legend(ShardState.RUNNING)));
        assertEquals("Planned  59", legend(ShardState.PLANNED));
        waitFor(() -> ShardColors.fill(ShardState.RUNNING).equals(pixelAtTile(canvas, 7)));
        assertEquals(ShardColors.fill(ShardState.PLANNED), pixelAtTile(canvas, 8), "its neighbour keeps its colour");

        TileLayout tiles = canvas.tiles();
        Point2D centre = canvas.canvas().localToScreen(tiles.x(7) + tiles.width(7) / 2, tiles.y(7) + tiles.height(7) / 2);
        robot.clickOn(centre);
        waitFor(() -> visibleLabel("Shard 00007") != null);
        assertTrue(visibleLabel("worker-a") != null, "the owner is listed");
        waitFor(() -> robot.lookup(".shard-images").queryAs(ListView.class).getItems().contains("img-07.jpg  ·  1.0 KB"));
    }

    @Test
    void aReadOnlyProfileDisablesCreatingEditingAndDeletingNodesWithItsReason() throws Exception {
        other.client().create().forPath("/jobs/kept", "{}".getBytes(StandardCharsets.UTF_8));
        robot.interact(() -> active.use(ZooKeeperTesting.target(server.getConnectString(), chroot, null, null).withReadOnly(true)));
        robot.interact(() -> viewModel.setShown(true));
        waitFor(() -> visibleLabel("jobs") != null);
        robot.doubleClickOn(visibleLabel("jobs"));
        waitFor(() -> visibleLabel("kept") != null);
        robot.clickOn(visibleLabel("kept"));
        waitFor(() -> visibleLabel(chroot + "/jobs/kept") != null);

        String reason = "profile 'test' is read-only: no changes can be made through it";
        for (String text : java.util.List.of("New child", "Edit", "Delete")) {
            javafx.scene.control.Button button = WaitForAsyncUtils.asyncFx(() -> robot.lookup((Node n) -> n instanceof javafx.scene.control.Button b
                    && text.equals(b.getText())).queryButton()).get();
            assertTrue(button.isDisabled(), text + " is disabled");
            assertEquals(reason, WaitForAsyncUtils.asyncFx(() -> button.getTooltip().getText()).get(), text + " says why");
        }
        assertTrue(robot.lookup((Node n) -> n instanceof Label l && l.getText() != null && l.getText().endsWith("read-only profile: nodes cannot be changed"))
                .tryQuery().isPresent(), "the subtitle says it");
    }

    private String legend(ShardState state) {
        return robot.lookup("#legend-" + state.name().toLowerCase()).queryLabeled().getText();
    }

    private Color pixelAtTile(ShardMapCanvas canvas, int tile) throws Exception {
        TileLayout tiles = canvas.tiles();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> canvas.canvas().snapshot(null, null)).get(10, TimeUnit.SECONDS);
        return image.getPixelReader().getColor((int) (tiles.x(tile) + tiles.width(tile) / 2), (int) (tiles.y(tile) + tiles.height(tile) / 2));
    }

    private Label visibleLabel(String text) {
        return robot.lookup((Node n) -> n instanceof Label l && text.equals(l.getText()) && l.isVisible() && l.getScene() != null)
                .tryQuery().map(Label.class::cast).orElse(null);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        // Look the scene graph up on the FX thread: lookups from the test thread race the layout.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
