package io.tessera.console.theme;

import io.tessera.console.common.BackgroundTasks;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The current theme: applied through the given applier (the app sets the user agent stylesheet) and remembered. */
public final class ThemeModel {
    private final ReadOnlyObjectWrapper<Theme> theme;
    private final UiSettings settings;
    private final BackgroundTasks tasks;
    private final Consumer<Theme> applier;

    public ThemeModel(UiSettings settings, BackgroundTasks tasks, Consumer<Theme> applier) {
        this.settings = settings;
        this.tasks = tasks;
        this.applier = applier;
        this.theme = new ReadOnlyObjectWrapper<>(settings.theme());
    }

    /** Applies the remembered theme; called once when the window opens. */
    public void apply() {
        applier.accept(theme.get());
    }

    public void toggle() {
        Theme next = theme.get().other();
        theme.set(next);
        applier.accept(next);
        settings.setTheme(next);
        tasks.run("Saving preferences", () -> {
            settings.save();
            return null;
        }, ok -> {}, reason -> {});
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }
}
