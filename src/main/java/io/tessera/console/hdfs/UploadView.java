package io.tessera.console.hdfs;

import io.tessera.console.common.Fxml;
import io.tessera.engine.upload.ConflictPolicy;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** The upload strip under the browser: totals, files in flight, problems; and the name-clash question. */
public final class UploadView {
    private static final ButtonType SKIP = new ButtonType("Skip", ButtonBar.ButtonData.CANCEL_CLOSE);
    private static final ButtonType OVERWRITE = new ButtonType("Overwrite", ButtonBar.ButtonData.OTHER);
    private static final ButtonType KEEP_BOTH = new ButtonType("Keep both", ButtonBar.ButtonData.OK_DONE);

    private final UploadViewModel viewModel;
    private final Parent root;
    @FXML private VBox box;
    @FXML private ProgressBar progress;
    @FXML private Label summary;
    @FXML private Button cancelButton;
    @FXML private Button closeButton;
    @FXML private ListView<String> files;
    @FXML private ListView<String> problems;

    public UploadView(UploadViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        box.setVisible(false);
        box.managedProperty().bind(box.visibleProperty());
        viewModel.running().addListener((obs, was, now) -> {
            if (now) {
                box.setVisible(true);
            }
        });
        progress.progressProperty().bind(viewModel.fraction());
        summary.textProperty().bind(viewModel.summary());
        cancelButton.visibleProperty().bind(viewModel.running());
        closeButton.visibleProperty().bind(viewModel.running().not());
        files.setItems(viewModel.files());
        files.setPlaceholder(new Label("No file in flight"));
        problems.setItems(viewModel.problems());
        problems.setPlaceholder(new Label("No problems"));
        viewModel.conflict().addListener((obs, old, now) -> {
            if (now != null) {
                ask(now);
            }
        });
    }

    private void ask(UploadViewModel.Conflict conflict) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Name taken");
        dialog.setHeaderText(conflict.name() + " already exists");
        CheckBox all = new CheckBox("Apply to all remaining clashes");
        VBox content = new VBox(8, new Label("In HDFS: " + conflict.existingPath()
                + (conflict.otherForm() ? "\n(the same name, spelled in another Unicode form)" : "")), all);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(KEEP_BOTH, OVERWRITE, SKIP);
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
        }
        dialog.setOnHidden(e -> {
            ButtonType chosen = dialog.getResult();
            ConflictPolicy policy = chosen == OVERWRITE ? ConflictPolicy.OVERWRITE : chosen == KEEP_BOTH ? ConflictPolicy.KEEP_BOTH : ConflictPolicy.SKIP;
            viewModel.answer(policy, all.isSelected());
        });
        dialog.show();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void close() {
        box.setVisible(false);
    }

    public Parent root() {
        return root;
    }
}
