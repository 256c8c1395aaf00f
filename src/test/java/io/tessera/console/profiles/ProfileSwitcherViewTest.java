package io.tessera.console.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.TestContexts;
import io.tessera.console.common.Stylesheets;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.ConnectionProfile.HdfsSettings;
import io.tessera.engine.profile.ConnectionProfile.RedisSettings;
import io.tessera.engine.profile.ConnectionProfile.ZooKeeperSettings;
import io.tessera.engine.profile.ProfileStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import io.tessera.testing.FxTest;

/** The profile switcher lists a profile another process saved (the CLI, `sim up`) as soon as its list is opened. */
@FxTest
class ProfileSwitcherViewTest {
    private final FxRobot robot = new FxRobot();
    @TempDir
    Path home;

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aProfileSavedByAnotherProcessShowsWhenTheListOpens() throws Exception {
        TestContexts app = new TestContexts(home);
        ProfilesViewModel profiles = app.context.profiles();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Scene scene = new Scene(new ProfileSwitcherView(profiles).root(), 700, 300);
            scene.getStylesheets().add(Stylesheets.APP);
            stage.setScene(scene);
            stage.sizeToScene();
            stage.show();
        });
        robot.interact(() -> {
            profiles.reload();
            app.ui.pulse();
        });
        assertEquals(List.of("Local"), names(profiles));

        // as `tessera profile save Lab …` in another JVM: a store of its own over the same folder
        ProfileStore.inDirectories(app.dirs).save(new ConnectionProfile("Lab", ConnectionProfile.Kind.CLUSTER,
                new HdfsSettings("hdfs://lab:8020", null, null), new ZooKeeperSettings("lab:2181", "/tessera", null, null),
                new RedisSettings("redis://lab:6379", null, null, false)), null);

        robot.clickOn("#profileSwitcher");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            robot.interact(app.ui::pulse);
            return robot.lookup(".list-cell").queryAllAs(ListCell.class).stream().anyMatch(cell -> "Lab".equals(cell.getText()));
        });
        assertEquals(List.of("Local", "Lab"), names(profiles));
        ComboBox<?> combo = robot.lookup("#profileSwitcher").queryAs(ComboBox.class);
        assertEquals("Local", ((ConnectionProfile) combo.getValue()).name(), "opening the list switches nothing");
        assertTrue(profiles.activeIsLocal().get());
    }

    private static List<String> names(ProfilesViewModel profiles) {
        return profiles.profiles().stream().map(ConnectionProfile::name).toList();
    }
}
