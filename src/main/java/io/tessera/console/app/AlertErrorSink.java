package io.tessera.console.app;

import io.tessera.console.common.ErrorSink;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/** Shows failures as a plain alert: what failed as the header, the one-line cause as the text. Never a stack trace. */
final class AlertErrorSink implements ErrorSink {
    private Window owner;

    void setOwner(Window owner) {
        this.owner = owner;
    }

    @Override
    public void show(String whatFailed, String reason) {
        Alert alert = new Alert(Alert.AlertType.ERROR, reason);
        alert.setTitle("Tessera");
        alert.setHeaderText(whatFailed);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.show();
    }
}
