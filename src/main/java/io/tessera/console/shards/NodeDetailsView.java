package io.tessera.console.shards;

import io.tessera.console.common.WriteControls;
import io.tessera.console.connection.Writes;
import io.tessera.console.common.Formats;
import io.tessera.console.common.Fxml;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** The selected node: actions, messages, data in a format, stat and ACL. */
public final class NodeDetailsView {
    private final NodeDetailsViewModel viewModel;
    private final Parent root;
    private final ToggleGroup formats = new ToggleGroup();
    @FXML private Label pathLabel;
    @FXML private Button reloadButton;
    @FXML private Button createButton;
    @FXML private Button editButton;
    @FXML private Button saveButton;
    @FXML private Button cancelButton;
    @FXML private Button deleteButton;
    private final Writes writes;
    @FXML private Label problem;
    @FXML private Label message;
    @FXML private Label staleWarning;
    @FXML private ToggleButton textFormat;
    @FXML private ToggleButton jsonFormat;
    @FXML private ToggleButton hexFormat;
    @FXML private TextArea data;
    @FXML private GridPane stat;
    @FXML private ListView<String> acl;

    public NodeDetailsView(NodeDetailsViewModel viewModel, Writes writes) {
        this.viewModel = viewModel;
        this.writes = writes;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        BooleanBinding none = viewModel.path().isEmpty();
        pathLabel.textProperty().bind(viewModel.path().map(p -> p.isEmpty() ? "Select a node in the tree" : p));
        reloadButton.disableProperty().bind(none.or(viewModel.editing()));
        // the writes: never on a read-only profile (the reason is their tooltip)
        WriteControls.guard(writes, createButton, none.or(viewModel.editing()));
        WriteControls.guard(writes, deleteButton, none.or(viewModel.editing()));
        for (Button button : List.of(reloadButton, createButton, editButton, saveButton, cancelButton, deleteButton)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        WriteControls.guard(writes, editButton, none);
        editButton.visibleProperty().bind(viewModel.editing().not());
        editButton.managedProperty().bind(editButton.visibleProperty());
        for (Button button : List.of(saveButton, cancelButton)) {
            button.visibleProperty().bind(viewModel.editing());
            button.managedProperty().bind(button.visibleProperty());
        }
        showLine(problem, viewModel.problem().isNotEmpty());
        problem.textProperty().bind(viewModel.problem());
        showLine(message, viewModel.message().isNotEmpty());
        message.textProperty().bind(viewModel.message());
        showLine(staleWarning, viewModel.changedOnServer());
        Map<ToggleButton, DataFormat> toggles = Map.of(textFormat, DataFormat.TEXT, jsonFormat, DataFormat.JSON, hexFormat, DataFormat.HEX);
        toggles.forEach((toggle, format) -> {
            toggle.setToggleGroup(formats);
            toggle.setUserData(format);
            toggle.disableProperty().bind(viewModel.editing());
        });
        selectFormat(viewModel.format().get());
        viewModel.format().addListener((obs, old, now) -> selectFormat(now));
        formats.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                viewModel.format().set((DataFormat) now.getUserData());
            }
        });
        data.textProperty().bindBidirectional(viewModel.text());
        data.editableProperty().bind(viewModel.editing());
        acl.setItems(viewModel.acl());
        acl.setPlaceholder(new Label(""));
        showStat();
        viewModel.stat().addListener((ListChangeListener<StatRows.Row>) change -> showStat());
        viewModel.deleteRequest().addListener((obs, old, request) -> {
            if (request != null) {
                confirmDelete(request);
            }
        });
    }

    private static void showLine(Label label, javafx.beans.value.ObservableBooleanValue when) {
        label.visibleProperty().bind(when);
        label.managedProperty().bind(label.visibleProperty());
    }

    private void selectFormat(DataFormat format) {
        formats.getToggles().stream().filter(t -> t.getUserData() == format).findFirst().ifPresent(t -> t.setSelected(true));
    }

    private void showStat() {
        stat.getChildren().clear();
        List<StatRows.Row> rows = viewModel.stat();
        for (int row = 0; row < rows.size(); row++) {
            Label key = new Label(rows.get(row).label());
            key.getStyleClass().add("detail-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            stat.addRow(row, key, new Label(rows.get(row).value()));
        }
    }

    private void confirmDelete(NodeDetailsViewModel.DeleteRequest request) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, request.descendants() == 0
                ? "It has no children."
                : "It has " + Formats.number(request.descendants()) + " nodes below it. All of them are deleted too (recursive delete).",
                ButtonType.CANCEL, ButtonType.OK);
        confirm.initOwner(root.getScene().getWindow());
        confirm.setTitle("Delete node");
        confirm.setHeaderText("Delete " + request.path() + "?");
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setText(request.descendants() == 0 ? "Delete" : "Delete all " + Formats.number(request.descendants() + 1));
        confirm.setOnHidden(event -> {
            if (confirm.getResult() == ButtonType.OK) {
                viewModel.confirmDelete();
            } else {
                viewModel.cancelDelete();
            }
        });
        confirm.show();
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }

    @FXML
    private void createChild() {
        TextInputDialog ask = new TextInputDialog();
        ask.initOwner(root.getScene().getWindow());
        ask.setTitle("New node");
        ask.setHeaderText("New child of " + viewModel.path().get());
        ask.setContentText("Name");
        ask.showAndWait().ifPresent(name -> viewModel.createChild(name, ""));
    }

    @FXML
    private void edit() {
        viewModel.startEdit();
        data.requestFocus();
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void cancel() {
        viewModel.cancelEdit();
    }

    @FXML
    private void delete() {
        viewModel.requestDelete();
    }

    public Parent root() {
        return root;
    }
}
