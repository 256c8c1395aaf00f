package io.tessera.console.profiles;

import io.tessera.console.common.Fxml;
import io.tessera.engine.profile.ConnectionProfile;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import org.kordamp.ikonli.javafx.FontIcon;

/** The toolbar's profile picker with add, edit and delete. */
public final class ProfileSwitcherView {
    private final ProfilesViewModel viewModel;
    private final Parent root;
    @FXML private ComboBox<ConnectionProfile> profileSwitcher;
    @FXML private Button profileEdit;
    @FXML private Button profileDelete;

    public ProfileSwitcherView(ProfilesViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        profileSwitcher.setItems(viewModel.profiles());
        profileSwitcher.setCellFactory(list -> new ProfileCell());
        profileSwitcher.setButtonCell(new ProfileCell());
        profileSwitcher.setValue(viewModel.active().get());
        viewModel.active().addListener((obs, old, now) -> profileSwitcher.setValue(now));
        profileSwitcher.valueProperty().addListener((obs, old, chosen) -> viewModel.activate(chosen));
        profileEdit.disableProperty().bind(viewModel.activeIsLocal());
        profileDelete.disableProperty().bind(viewModel.activeIsLocal());
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
        @Override
        protected void updateItem(ConnectionProfile profile, boolean empty) {
            super.updateItem(profile, empty);
            setText(empty || profile == null ? null : profile.name());
            setGraphic(empty || profile == null ? null : new FontIcon(profile.isLocal() ? "fth-monitor" : profile.readOnly() ? "fth-lock" : "fth-server")); // a lock: read-only
        }
    }
}
