package io.tessera.console.shell;

import io.tessera.console.common.UiThread;
import io.tessera.console.connection.Session;
import io.tessera.console.theme.Theme;
import io.tessera.console.theme.ThemeModel;
import io.tessera.engine.profile.ConnectionProfile;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The main window: which panel shows, the theme, starting up and quitting. Quitting stops the local
 * cluster in the background and then runs the exit action, or runs it anyway after a grace period.
 */
public final class ShellViewModel {
    private final Session session;
    private final ThemeModel theme;
    private final UiThread ui;
    private final Runnable exit;
    private final Duration stopGrace;
    private final ReadOnlyObjectWrapper<Panel> selected = new ReadOnlyObjectWrapper<>(Panel.HEALTH);
    private final AtomicBoolean exited = new AtomicBoolean();

    public ShellViewModel(Session session, ThemeModel theme, UiThread ui, Runnable exit, Duration stopGrace) {
        this.session = session;
        this.theme = theme;
        this.ui = ui;
        this.exit = exit;
        this.stopGrace = stopGrace;
    }

    /** Applies the remembered theme and brings up the default profile, Local. */
    public void start() {
        theme.apply();
        session.activate(ConnectionProfile.local());
    }

    public void select(Panel panel) {
        selected.set(panel);
    }

    /** Selects the n-th panel (1-based), as Ctrl+n does; out of range does nothing. */
    public void selectNumber(int number) {
        if (number >= 1 && number <= Panel.values().length) {
            selected.set(Panel.values()[number - 1]);
        }
    }

    public void toggleTheme() {
        theme.toggle();
    }

    public void checkNow() {
        session.checkNow();
    }

    public void quit() {
        CompletableFuture.delayedExecutor(stopGrace.toMillis(), TimeUnit.MILLISECONDS).execute(() -> ui.execute(this::exitOnce));
        session.shutdown(this::exitOnce);
    }

    /**
     * From a shutdown hook (Ctrl-C in the terminal, SIGTERM from a service manager): the console's worker drains and
     * the local cluster stops (removing its endpoints file) before the JVM ends, as when quitting, but here and now on
     * the calling thread: the UI thread may run nothing more once the JVM is ending. Nothing when the console has quit.
     */
    public void stopBeforeExit() {
        if (!exited.get()) {
            session.stopNow();
        }
    }

    private void exitOnce() {
        if (exited.compareAndSet(false, true)) {
            exit.run();
        }
    }

    public ReadOnlyObjectProperty<Panel> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.themeProperty();
    }
}
