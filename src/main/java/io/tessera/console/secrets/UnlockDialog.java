package io.tessera.console.secrets;

import io.tessera.console.common.DialogFit;
import io.tessera.console.common.Fxml;
import io.tessera.console.common.Stylesheets;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/** Asks for the keystore's passphrase; the unlocking runs in the background while the dialog shows progress. */
public final class UnlockDialog {
    public static final ButtonType UNLOCK = new ButtonType("Unlock", ButtonBar.ButtonData.OK_DONE);

    private final KeystoreLockModel model;
    private final Parent root;
    @FXML private PasswordField passphrase;
    @FXML private Label message;
    @FXML private Label why;
    @FXML private javafx.scene.layout.HBox workingRow;

    public UnlockDialog(KeystoreLockModel model) {
        this.model = model;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        workingRow.visibleProperty().bind(model.busy());
        workingRow.managedProperty().bind(model.busy());
        passphrase.disableProperty().bind(model.busy());
        message.textProperty().bind(model.message());
        message.visibleProperty().bind(model.message().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        workingRow.visibleProperty().addListener((obs, was, now) -> DialogFit.later(root));
        message.visibleProperty().addListener((obs, was, now) -> DialogFit.later(root));
    }

    /** Shows the dialog; true when the keystore was unlocked, false on Cancel (or when the tries ran out). */
    public boolean showAndWait(Window owner, String reason) {
        model.begin();
        why.setText(reason);
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Unlock the keystore");
        dialog.setHeaderText("The stored passwords are protected by a passphrase.");
        dialog.setGraphic(new FontIcon("fth-lock"));
        dialog.getDialogPane().getStylesheets().add(Stylesheets.APP);
        dialog.getDialogPane().setContent(root);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, UNLOCK);
        dialog.getDialogPane().setId("unlock-dialog");
        dialog.setResultConverter(button -> false);
        Button unlock = (Button) dialog.getDialogPane().lookupButton(UNLOCK);
        unlock.setId("unlock-button");
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("unlock-cancel");
        unlock.disableProperty().bind(model.busy().or(passphrase.textProperty().isEmpty()));
        unlock.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.unlock(typed(), () -> {
                dialog.setResult(true);
                dialog.close();
            });
        });
        javafx.beans.value.ChangeListener<Boolean> outOfTries = (obs, was, now) -> {
            if (!now && !model.triesLeft() && dialog.isShowing()) {
                dialog.setResult(false);
                dialog.close();
            }
        };
        model.busy().addListener(outOfTries);
        dialog.setOnShown(event -> passphrase.requestFocus());
        boolean unlocked = dialog.showAndWait().orElse(false);
        model.busy().removeListener(outOfTries);
        passphrase.clear();
        return unlocked;
    }

    /** The typed characters as a char[] the model zeroes; the field is emptied at once. */
    private char[] typed() {
        CharSequence text = passphrase.getCharacters();
        char[] chars = new char[text.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = text.charAt(i);
        }
        passphrase.clear();
        return chars;
    }
}
