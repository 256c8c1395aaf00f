package io.tessera.console.profiles;

import io.tessera.console.common.Fxml;
import io.tessera.console.secrets.UnlockDialog;
import io.tessera.engine.profile.ConnectionProfile;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/** The toolbar's profile picker with add, edit and delete. */
public final class ProfileSwitcherView {
    private final ProfilesViewModel viewModel;
    private final Parent root;
    @FXML private ComboBox<ConnectionProfile> profileSwitcher;
    @FXML private Button profileEdit;
    @FXML private Button profileDelete;
    @FXML private Button profileUnlock;

    public ProfileSwitcherView(ProfilesViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        profileSwitcher.setItems(viewModel.profiles());
        profileSwitcher.setCellFactory(list -> new ProfileCell(viewModel));
        profileSwitcher.setButtonCell(new ProfileCell(viewModel));
        // what the button shows for a value the list does not hold (yet): the name, never the record's toString
        profileSwitcher.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConnectionProfile profile) {
                return profile == null ? "" : profile.name();
            }

            @Override
            public ConnectionProfile fromString(String name) {
                return viewModel.profiles().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
            }
        });
        profileSwitcher.setValue(viewModel.active().get());
        viewModel.active().addListener((obs, old, now) -> profileSwitcher.setValue(now));
        profileSwitcher.valueProperty().addListener((obs, old, chosen) -> choose(chosen));
        // profiles saved meanwhile by `tessera profile save` or `sudo tessera sim up` show when the list opens
        profileSwitcher.setOnShowing(e -> viewModel.reload());
        profileUnlock.visibleProperty().bind(viewModel.offerUnlock());
        profileUnlock.managedProperty().bind(profileUnlock.visibleProperty());
        // once the window shows: a dialog needs its owner on screen
        viewModel.whenPassphraseWanted(() -> Platform.runLater(() -> askPassphrase("Profiles such as "
                + viewModel.profiles().stream().filter(viewModel::needsUnlock).map(ConnectionProfile::name).findFirst().orElse("")
                + " keep their passwords in it.")));
        profileEdit.disableProperty().bind(viewModel.activeIsLocal());
        profileDelete.disableProperty().bind(viewModel.activeIsLocal());
    }

    /** A profile whose passwords wait for the passphrase: ask first (after the list closed), connect when unlocked. */
    private void choose(ConnectionProfile chosen) {
        if (!viewModel.needsUnlock(chosen)) {
            viewModel.activate(chosen);
            return;
        }
        Platform.runLater(() -> {
            profileSwitcher.setValue(viewModel.active().get());
            if (askPassphrase("To connect to " + chosen.name() + ", Tessera needs its passwords.")) {
                viewModel.activate(chosen);
            }
        });
    }

    @FXML
    private void unlock() {
        askPassphrase("Profiles that keep their passwords in it connect once it is unlocked.");
    }

    private boolean askPassphrase(String reason) {
        if (root.getScene() == null || !viewModel.keystoreLock().locked().get()) {
            return !viewModel.keystoreLock().locked().get();
        }
        return new UnlockDialog(viewModel.keystoreLock()).showAndWait(root.getScene().getWindow(), reason);
    }

    @FXML
    public void add() {
        openEditor(viewModel.newProfile());
    }

    @FXML
    private void edit() {
        openEditor(viewModel.editActive());
    }

    private void openEditor(ProfileEditorViewModel editor) {
        // a password typed in the editor goes to the keystore: offer to unlock it first (Cancel still edits)
        askPassphrase("Passwords saved with a profile go into it.");
        new ProfileEditorView(editor).showAndWait(root.getScene().getWindow()).ifPresent(viewModel::saved);
    }

    @FXML
    private void delete() {
        ConnectionProfile doomed = viewModel.active().get();
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Its stored passwords are removed too. The cluster itself is not touched.",
                ButtonType.CANCEL, ButtonType.OK);
        confirm.initOwner(root.getScene().getWindow());
        confirm.setTitle("Delete profile");
        confirm.setHeaderText("Delete the profile " + doomed.name() + "?");
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setText("Delete");
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> viewModel.deleteActive());
    }

    public Parent root() {
        return root;
    }


    private static final class ProfileCell extends ListCell<ConnectionProfile> {
        private final ProfilesViewModel viewModel;

        ProfileCell(ProfilesViewModel viewModel) {
            this.viewModel = viewModel;
        }

        @Override
        protected void updateItem(ConnectionProfile profile, boolean empty) {
            super.updateItem(profile, empty);
            textProperty().unbind();
            if (empty || profile == null) {
                setText(null);
            } else {
                // follows the keystore: "locked: unlock to connect" goes when it is unlocked
                textProperty().bind(Bindings.createStringBinding(() -> viewModel.needsUnlock(profile)
                        ? profile.name() + " (locked: unlock to connect)" : profile.name(), viewModel.keystoreLock().locked()));
            }
            setGraphic(empty || profile == null ? null : new FontIcon(profile.isLocal() ? "fth-monitor" : profile.readOnly() ? "fth-lock" : "fth-server")); // a lock: read-only
        }
    }
}
