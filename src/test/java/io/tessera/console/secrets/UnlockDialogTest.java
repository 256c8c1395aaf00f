package io.tessera.console.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.app.AppContext;
import io.tessera.console.app.MainWindow;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.FxUiThread;
import io.tessera.console.connection.Session;
import io.tessera.engine.AppDirectories;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.ConnectionProfile.HdfsSettings;
import io.tessera.engine.profile.ConnectionProfile.RedisSettings;
import io.tessera.engine.profile.ConnectionProfile.ZooKeeperSettings;
import io.tessera.engine.profile.KeystoreProtection.Kind;
import io.tessera.engine.profile.ProfileStore;
import io.tessera.engine.profile.SecretRef;
import io.tessera.engine.profile.SecretStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import io.tessera.testing.FxTest;

/**
 * The whole window with a passphrase-protected keystore and a profile that keeps its Redis password there: the console
 * asks once at start, Cancel leaves Local usable and the profile marked locked, a wrong passphrase says so in the
 * dialog, the right one unlocks and the profile connects (to the local cluster's own servers, so one cluster serves).
 * Bounded by the local cluster's start (up to two minutes on a loaded machine).
 */
@FxTest
class UnlockDialogTest {
    private static final String PASSPHRASE = "the console's passphrase";

    private final FxRobot robot = new FxRobot();

    @Test
    void asksOnceAtStartCancelKeepsLocalAWrongPassphraseSaysSoAndTheRightOneConnects(@TempDir Path home) throws Exception {
        AppDirectories dirs = AppDirectories.under(home);
        SecretStore ours = SecretStore.inDirectories(dirs);
        SecretRef redisPassword = ours.put("placeholder until the local cluster is up".toCharArray());
        ProfileStore profiles = ProfileStore.inDirectories(dirs);
        profiles.save(lab("hdfs://127.0.0.1:1", "127.0.0.1:1", "redis://127.0.0.1:1", redisPassword), null);
        ours.protect(Kind.PASSPHRASE, PASSPHRASE.toCharArray());

        FxUiThread ui = new FxUiThread();
        BackgroundTasks tasks = BackgroundTasks.daemonThreads(ui);
        try {
            startAsksUnlocksAndConnects(dirs, ours, profiles, redisPassword, ui, tasks);
        } finally {
            FxToolkit.cleanupStages();
            tasks.shutdown();
        }
    }

    private void startAsksUnlocksAndConnects(AppDirectories dirs, SecretStore ours, ProfileStore profiles, SecretRef redisPassword,
            FxUiThread ui, BackgroundTasks tasks) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        CountDownLatch exited = new CountDownLatch(1);
        List<String> errors = new CopyOnWriteArrayList<>();
        AppContext context = new AppContext(dirs, ui, tasks, theme -> Application.setUserAgentStylesheet(theme.userAgentStylesheet()),
                exited::countDown, (what, reason) -> errors.add(what + ": " + reason));
        FxToolkit.setupStage(s -> MainWindow.show(s, context));

        // At start: the dialog, once, over the window.
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#unlock-dialog").tryQuery().isPresent()));
        assertTrue(shown("The stored passwords are protected by a passphrase."));
        robot.clickOn("#unlock-cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#unlock-dialog").tryQuery().isEmpty()));

        // Local works: three services up; Lab is marked locked, with an Unlock action.
        WaitForAsyncUtils.waitFor(150, TimeUnit.SECONDS, () -> onFx(() -> Stream.of("hdfs", "zookeeper", "redis")
                .allMatch(id -> robot.lookup("#status-" + id).query().getStyleClass().contains("state-up"))));
        assertTrue(context.session().activeProfileProperty().get().isLocal());
        assertTrue(onFx(() -> robot.lookup("#profileUnlock").query().isVisible()), "Unlock is offered");

        // Lab now points at the local cluster's servers, its password in the (still locked for the console) keystore.
        ConnectionTarget local = WaitForAsyncUtils.asyncFx(() -> context.session().localCluster().target()).get();
        ours.replace(redisPassword, local.redisPassword());
        profiles.save(lab(local.hdfsUri(), local.zooKeeperConnect(), local.redisUri(), redisPassword), "Lab");
        robot.interact(() -> context.profiles().reload());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> context.profiles().profiles().stream()
                .anyMatch(p -> p.name().equals("Lab") && p.redis().uri().equals(local.redisUri()))));
        robot.interact(() -> combo().show());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> listText().contains("Lab (locked: unlock to connect)")));
        robot.interact(() -> combo().hide());
        assertTrue(robot.lookup("#unlock-dialog").tryQuery().isEmpty(), "asked once at start, not at every reload");

        // Choosing Lab asks; a wrong passphrase says so and keeps the dialog; the right one unlocks and Lab connects.
        ConnectionProfile lab = onFxGet(() -> context.profiles().profiles().stream().filter(p -> p.name().equals("Lab")).findFirst().orElseThrow());
        robot.interact(() -> combo().setValue(lab));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#unlock-dialog").tryQuery().isPresent()));
        assertTrue(context.session().activeProfileProperty().get().isLocal(), "nothing connects before the unlock");
        robot.clickOn("#unlock-passphrase").write("not the passphrase");
        robot.clickOn("#unlock-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#unlock-message").queryLabeled().getText().startsWith("Wrong passphrase.")));
        assertTrue(onFx(() -> robot.lookup("#unlock-message").queryLabeled().getText().endsWith("4 tries left.")));
        assertEquals("", onFxGet(() -> robot.lookup("#unlock-passphrase").queryTextInputControl().getText()), "the field was emptied");

        robot.clickOn("#unlock-passphrase").write(PASSPHRASE);
        robot.clickOn("#unlock-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#unlock-dialog").tryQuery().isEmpty()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> "Lab".equals(context.session().activeProfileProperty().get().name())
                && context.session().phaseProperty().get() == Session.Phase.CONNECTED));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#status-redis").query().getStyleClass().contains("state-up")));
        assertFalse(onFx(() -> robot.lookup("#profileUnlock").query().isVisible()), "nothing left to unlock");
        robot.interact(() -> combo().show());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> listText().contains("Lab") && listText().stream().noneMatch(text -> text.contains("locked"))));
        robot.interact(() -> combo().hide());

        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertTrue(exited.await(90, TimeUnit.SECONDS), "the console stopped its cluster and exited");
        assertEquals(List.of(), errors);
    }

    private static ConnectionProfile lab(String hdfs, String zooKeeper, String redis, SecretRef redisPassword) {
        return new ConnectionProfile("Lab", ConnectionProfile.Kind.CLUSTER, new HdfsSettings(hdfs, null, null),
                new ZooKeeperSettings(zooKeeper, "/tessera", null, null), new RedisSettings(redis, null, redisPassword, false));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<ConnectionProfile> combo() {
        return (ComboBox<ConnectionProfile>) robot.lookup(".profile-switcher .combo-box").query();
    }

    /** The texts the switcher's cells show (the button cell and the list's cells once opened). */
    private List<String> listText() {
        return robot.lookup((Node node) -> node instanceof ListCell<?> cell && cell.getText() != null).queryAll().stream()
                .map(node -> ((Labeled) node).getText()).toList();
    }

    private boolean shown(String text) throws Exception {
        return onFx(() -> Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                && robot.from(w.getScene().getRoot()).lookup((Node n) -> n instanceof Labeled l && text.equals(l.getText())).tryQuery().isPresent()
                || w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane pane && text.equals(pane.getHeaderText())));
    }

    private static boolean onFx(Callable<Boolean> condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition).get();
    }

    private static <T> T onFxGet(Callable<T> value) throws Exception {
        return WaitForAsyncUtils.asyncFx(value).get();
    }
}
