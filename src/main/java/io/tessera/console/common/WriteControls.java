package io.tessera.console.common;

import io.tessera.console.connection.Writes;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Control;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;

/**
 * Binds write controls to {@link Writes}: on a read-only profile each is disabled and its tooltip says why; otherwise
 * it keeps its own state and tooltip. (JavaFX shows no tooltip over a disabled control, so the panels also say it in
 * their subtitle.)
 */
public final class WriteControls {
    private WriteControls() {}

    /** Disabled while writes are refused; its tooltip is then the reason. */
    public static void guard(Writes writes, Control... controls) {
        for (Control control : controls) {
            guard(writes, control, Bindings.createBooleanBinding(() -> false));
        }
    }

    /** Disabled when {@code disabled} says so, or while writes are refused (then with the reason as tooltip). */
    public static void guard(Writes writes, Control control, ObservableValue<Boolean> disabled) {
        guard(writes, control, disabled, Bindings.createStringBinding(() -> ""));
    }

    /**
     * Disabled when {@code disabled} says so (then with {@code why} as tooltip, when it says something), or while writes
     * are refused (then with that reason).
     */
    public static void guard(Writes writes, Control control, ObservableValue<Boolean> disabled, ObservableValue<String> why) {
        control.disableProperty().bind(writes.disabledUnless(disabled));
        Tooltip own = control.getTooltip();
        String ownText = own == null ? "" : own.getText();
        Tooltip tip = own != null ? own : new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> writes.refused().get() ? writes.reason().get()
                : Boolean.TRUE.equals(disabled.getValue()) && why.getValue() != null && !why.getValue().isEmpty() ? why.getValue() : ownText,
                writes.refused(), writes.reason(), disabled, why));
        control.setTooltip(tip);
    }

    /** A menu item (no tooltip: the panel says why elsewhere) disabled when {@code disabled} says so or while writes are refused. */
    public static void guard(Writes writes, MenuItem item, ObservableValue<Boolean> disabled) {
        item.disableProperty().bind(writes.disabledUnless(disabled));
    }

    /** A menu item (no tooltip of its own) disabled while writes are refused. */
    public static void guard(Writes writes, MenuItem item) {
        item.disableProperty().bind(writes.refused());
    }
}
