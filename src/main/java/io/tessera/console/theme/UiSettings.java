package io.tessera.console.theme;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Small console preferences (the theme) in {@code console.properties} in the config folder. */
public final class UiSettings {
    private static final String THEME = "theme";

    private final Path file;
    private final Properties values = new Properties();

    private UiSettings(Path file) {
        this.file = file;
    }

    /** Reads the file if there is one; an unreadable file means defaults. Blocking: call off the UI thread. */
    public static UiSettings load(Path configDir) {
        UiSettings settings = new UiSettings(configDir.resolve("console.properties"));
        if (Files.isReadable(settings.file)) {
            try (Reader in = Files.newBufferedReader(settings.file)) {
                settings.values.load(in);
            } catch (IOException | IllegalArgumentException ignored) {
                // a damaged preferences file is not worth a dialog: defaults it is
            }
        }
        return settings;
    }

    public synchronized Theme theme() {
        return Theme.parse(values.getProperty(THEME));
    }

    public synchronized void setTheme(Theme theme) {
        values.setProperty(THEME, theme.name().toLowerCase());
    }

    /** Blocking: call off the UI thread. */
    public synchronized void save() throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            values.store(out, "Tessera console preferences");
        }
    }

    public Path file() {
        return file;
    }
}
