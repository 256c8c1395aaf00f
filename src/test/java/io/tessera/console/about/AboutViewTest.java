package io.tessera.console.about;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.console.theme.Theme;
import io.tessera.engine.AppDirectories;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import io.tessera.testing.FxTest;

/** The About dialog on screen: its rows, and Copy putting the whole text on the system clipboard. */
@FxTest
class AboutViewTest {
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void showsTheRowsAndCopiesThemAsText() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
        FxToolkit.setupStage(s -> {
            s.setScene(new Scene(new StackPane(), 800, 600));
            s.sizeToScene(); // the primary stage is shared: a test before may have resized it
            s.show();
        });
        AboutViewModel about = new AboutViewModel(BuildInfo.load(), JavaRuntime.current(), AppDirectories.under(Path.of("/srv/t")), Path.of("/srv/t/logs"));
        robot.interact(() -> new AboutView(about, null).show((Window) stage));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(BuildInfo.load().hadoop(), robot.lookup("#about-hadoop").queryAs(Label.class).getText());
        assertEquals("/srv/t/data", robot.lookup("#about-data-folder").queryAs(Label.class).getText());
        robot.clickOn("#about-copy");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(about.text(), WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get());
        assertEquals("Copied to the clipboard", robot.lookup((Label label) -> "Copied to the clipboard".equals(label.getText())).queryAs(Label.class).getText());
        // Copy leaves the dialog open
        assertEquals(1, robot.lookup("#about-copy").queryAll().size());
    }
}
