package io.tessera.console.hdfs;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/** A warning sign on the HDFS panel's subtitle while the identity's keytab is readable by others, the reason as its tooltip. */
final class IdentityWarning {
    private IdentityWarning() {}

    static void show(Label subtitle, ObservableStringValue warning) {
        warning.addListener((obs, old, now) -> apply(subtitle, now));
        apply(subtitle, warning.get());
    }

    private static void apply(Label subtitle, String warning) {
        boolean on = warning != null && !warning.isEmpty();
        FontIcon icon = on ? new FontIcon("fth-alert-triangle") : null;
        if (icon != null) {
            icon.getStyleClass().add("identity-warning");
        }
        subtitle.setGraphic(icon);
        subtitle.setTooltip(on ? new Tooltip(warning) : null);
    }
}
