package io.tessera.console.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.TestContexts;
import io.tessera.console.connection.Session;
import io.tessera.console.theme.Theme;
import io.tessera.console.theme.UiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellViewModelTest {
    @TempDir
    Path home;

    @Test
    void opensOnHealthAndSelectsPanelsByNumber() {
        ShellViewModel shell = new TestContexts(home).context.shell();
        assertEquals(Panel.HEALTH, shell.selectedProperty().get());

        shell.selectNumber(1);
        assertEquals(Panel.HDFS, shell.selectedProperty().get());
        shell.selectNumber(4);
        assertEquals(Panel.LIVE, shell.selectedProperty().get());
        shell.selectNumber(9);
        assertEquals(Panel.LIVE, shell.selectedProperty().get(), "no ninth panel: the selection stays");
        shell.select(Panel.SHARDS);
        assertEquals(Panel.SHARDS, shell.selectedProperty().get());
    }

    @Test
    void themeToggleAppliesTheOtherThemeAndIsRememberedAcrossRuns() throws Exception {
        TestContexts first = new TestContexts(home);
        ShellViewModel shell = first.context.shell();
        assertEquals(Theme.LIGHT, shell.themeProperty().get(), "light by default");

        shell.toggleTheme();

        assertEquals(Theme.DARK, shell.themeProperty().get());
        assertEquals(List.of(Theme.DARK), first.appliedThemes);
        Path file = UiSettings.load(first.dirs.config()).file();
        assertTrue(Files.readString(file).contains("theme=dark"), Files.readString(file));

        TestContexts second = new TestContexts(home);
        second.context.theme().apply();
        assertEquals(Theme.DARK, second.context.shell().themeProperty().get());
        assertEquals(List.of(Theme.DARK), second.appliedThemes, "the next run starts dark");

        second.context.shell().toggleTheme();
        assertEquals(Theme.LIGHT, second.context.shell().themeProperty().get());
        assertEquals(Theme.LIGHT, UiSettings.load(first.dirs.config()).theme());
    }

    @Test
    void quitStopsTheSessionAndExitsOnce() {
        TestContexts app = new TestContexts(home);
        ShellViewModel shell = app.context.shell();

        shell.quit();
        shell.quit();

        assertEquals(Session.Phase.STOPPED, app.context.session().phaseProperty().get());
        assertEquals(1, app.exits.get());
    }
}
