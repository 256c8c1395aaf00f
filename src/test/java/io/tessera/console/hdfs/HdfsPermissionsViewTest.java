package io.tessera.console.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.testing.SharedCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import io.tessera.testing.FxTest;

/**
 * The HDFS panel connected as a second HDFS user (not the embedded NameNode's superuser): in a folder owned by another
 * user with mode 755 every write is disabled before it is tried, with the reason; in a folder it may write, nothing is;
 * and a refusal that still comes (the folder closed meanwhile) is the one-line reason, after which the panel knows.
 */
@FxTest
class HdfsPermissionsViewTest {
    private static final String USER = "tessera-ui";
    private PanelHarness panel;
    private FxRobot robot;
    @TempDir Path scratch;

    @BeforeEach
    void start() throws Exception {
        panel = new PanelHarness(scratch, 1500, 940, null);
        robot = panel.robot;
    }

    @AfterEach
    void stop() throws Exception {
        panel.stop();
    }

    @Test
    void aFolderOfAnotherUserDisablesEveryWriteWithTheReason() throws Exception {
        String base = HdfsTesting.freshFolder("perm");
        String theirs = base + "/theirs";
        String open = base + "/open";
        HdfsTesting.backend().files().mkdir(theirs);
        HdfsTesting.backend().files().mkdir(open);
        HdfsTesting.write(theirs + "/a.jpg", new byte[] {1, 2, 3});
        FileSystem admin = HdfsTesting.connection().fileSystem(); // the NameNode's superuser: the process user
        for (String path : List.of(theirs, theirs + "/a.jpg")) {
            admin.setOwner(new org.apache.hadoop.fs.Path(path), "someone", "their-group");
        }
        admin.setPermission(new org.apache.hadoop.fs.Path(theirs), new FsPermission((short) 0755));
        admin.setPermission(new org.apache.hadoop.fs.Path(theirs + "/a.jpg"), new FsPermission((short) 0644));
        admin.setPermission(new org.apache.hadoop.fs.Path(open), new FsPermission((short) 0777));

        robot.interact(() -> panel.active.use(as(USER)));
        robot.interact(() -> panel.viewModel.folder().open(theirs));
        String reason = theirs + " is owned by someone:their-group, mode drwxr-xr-x: " + USER
                + " may not write here (as others: not its owner, not in group their-group)";
        PanelHarness.waitFor(() -> button("New folder").isDisabled());
        for (String text : List.of("New folder", "Upload files…", "Upload folder…")) {
            Button button = button(text);
            assertTrue(button.isDisabled(), text + " is disabled");
            assertEquals(reason, fx(() -> button.getTooltip().getText()), text + " says why");
        }
        PanelHarness.waitFor(() -> noteText().equals(reason));
        assertTrue(fx(() -> PanelHarness.shown(note())), "the reason shows under the title (no tooltip over a disabled button)");

        PanelHarness.waitFor(() -> panel.view.table().getItems().size() == 1);
        robot.interact(() -> panel.view.table().getSelectionModel().select(0));
        PanelHarness.waitFor(() -> disabledMenuItems().size() == 5);
        assertEquals(List.of("New folder…", "Rename…", "Set replication…", "Move to trash", "Delete permanently…"), disabledMenuItems(),
                "every write of the menu; Open and Download stay");
        // a move (dragged onto a folder of the tree) is refused with the reason too, without asking HDFS
        robot.interact(() -> panel.viewModel.ops().move(List.of(theirs + "/a.jpg"), open));
        PanelHarness.waitFor(() -> ("Cannot move: " + reason).equals(panel.viewModel.ops().error().get()));
        assertTrue(HdfsTesting.backend().browser().exists(theirs + "/a.jpg"), "nothing was moved");
        // files dropped onto the panel: not uploaded, the reason shown
        java.nio.file.Path dropped = java.nio.file.Files.write(scratch.resolve("dropped.jpg"), new byte[] {4, 5, 6});
        robot.interact(() -> panel.view.dropFiles(List.of(dropped.toFile())));
        PanelHarness.waitFor(() -> ("Cannot upload here: " + reason).equals(panel.viewModel.ops().error().get()));
        assertFalse(HdfsTesting.backend().browser().exists(theirs + "/dropped.jpg"));

        // a folder it may write: nothing disabled, no note
        robot.interact(() -> panel.viewModel.folder().open(open));
        PanelHarness.waitFor(() -> !button("New folder").isDisabled() && noteText().isEmpty());
        assertFalse(fx(() -> note().isVisible()));

        // closed meanwhile: HDFS refuses, the panel says so in one line and then disables New folder
        admin.setPermission(new org.apache.hadoop.fs.Path(open), new FsPermission((short) 0755));
        robot.interact(() -> panel.viewModel.ops().newFolder("late"));
        PanelHarness.waitFor(() -> panel.viewModel.ops().error().get().startsWith("Creating " + open + "/late failed"));
        assertEquals("Creating " + open + "/late failed: permission denied: " + open + "/late (user " + USER + " lacks write)",
                panel.viewModel.ops().error().get());
        PanelHarness.waitFor(() -> button("New folder").isDisabled());
        assertTrue(noteText().startsWith(open + " is owned by "), noteText());
    }

    private static ConnectionTarget as(String hdfsUser) {
        ConnectionTarget t = SharedCluster.target();
        return new ConnectionTarget(t.profileName(), t.hdfsUri(), t.hdfsConfDir(), hdfsUser, t.zooKeeperConnect(), t.zooKeeperChroot(),
                t.zooKeeperDigestUser(), t.zooKeeperDigestPassword(), t.redisUri(), t.redisUser(), t.redisPassword(), t.redisTls());
    }

    private Button button(String text) throws Exception {
        return fx(() -> robot.lookup((Node n) -> n instanceof Button b && text.equals(b.getText())).queryButton());
    }

    private Label note() {
        return robot.lookup(".hdfs-permission-note").queryAs(Label.class);
    }

    private String noteText() throws Exception {
        return fx(() -> note().getText());
    }

    private List<String> disabledMenuItems() throws Exception {
        return fx(() -> panel.view.table().getContextMenu().getItems().stream()
                .filter(item -> item.getText() != null && item.isDisable()).map(MenuItem::getText).toList());
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return PanelHarness.fx(read);
    }
}
