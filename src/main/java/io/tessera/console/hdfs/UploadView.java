package io.tessera.console.hdfs;

import io.tessera.console.common.Fxml;
import io.tessera.engine.upload.ConflictPolicy;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The upload strip under the browser: totals, the files in flight (while running) and the files not stored, each
 * with its whole reason (wrapped; the name on one line, whole in the row's tooltip), sortable, copied by row (Ctrl+C, context menu) or all at once; and the name-clash
 * question. The panel gives the strip its height ({@link #expanded}: most of the panel, for a long problem list).
 */
public final class UploadView {
    private static final ButtonType SKIP = new ButtonType("Skip", ButtonBar.ButtonData.CANCEL_CLOSE);
    private static final ButtonType OVERWRITE = new ButtonType("Overwrite", ButtonBar.ButtonData.OTHER);
    private static final ButtonType KEEP_BOTH = new ButtonType("Keep both", ButtonBar.ButtonData.OK_DONE);
    private static final double SCROLL_BAR = 20;
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final UploadViewModel viewModel;
    private final Parent root;
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    @FXML private VBox box;
    @FXML private ProgressBar progress;
    @FXML private Label summary;
    @FXML private Button copyButton;
    @FXML private ToggleButton expandButton;
    @FXML private Button cancelButton;
    @FXML private Button closeButton;
    @FXML private ListView<String> files;
    @FXML private TableView<UploadProblem> problems;
    @FXML private TableColumn<UploadProblem, String> fileColumn;
    @FXML private TableColumn<UploadProblem, String> outcomeColumn;
    @FXML private TableColumn<UploadProblem, String> reasonColumn;

    public UploadView(UploadViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        viewModel.running().addListener((obs, was, now) -> {
            if (now) {
                shown.set(true);
            }
        });
        progress.progressProperty().bind(viewModel.fraction());
        summary.textProperty().bind(viewModel.summary());
        summary.tooltipProperty().bind(viewModel.summary().map(Tooltip::new));
        cancelButton.visibleProperty().bind(viewModel.running());
        cancelButton.managedProperty().bind(viewModel.running());
        closeButton.visibleProperty().bind(viewModel.running().not());
        closeButton.managedProperty().bind(viewModel.running().not());
        copyButton.disableProperty().bind(Bindings.isEmpty(viewModel.problems()));
        copyButton.setGraphic(new FontIcon("fth-copy"));
        copyButton.setTooltip(new Tooltip("Copy every file not uploaded, with its reason"));
        expandButton.setGraphic(new FontIcon("fth-maximize-2"));
        expandButton.setTooltip(new Tooltip("Give the upload list most of the panel"));
        expandButton.selectedProperty().addListener((obs, was, now) -> ((FontIcon) expandButton.getGraphic()).setIconLiteral(now ? "fth-minimize-2" : "fth-maximize-2"));
        files.setItems(viewModel.files());
        files.setCellFactory(list -> new InFlightCell());
        files.setPlaceholder(new Label("No file in flight"));
        files.visibleProperty().bind(viewModel.running());
        files.managedProperty().bind(viewModel.running());
        setUpProblems();
        viewModel.conflict().addListener((obs, old, now) -> {
            if (now != null) {
                ask(now);
            }
        });
    }

    private void setUpProblems() {
        problems.setItems(viewModel.problems());
        problems.setPlaceholder(new Label("No problems"));
        problems.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        fileColumn.setCellValueFactory(c -> value(c.getValue().file()));
        outcomeColumn.setCellValueFactory(c -> value(c.getValue().outcome()));
        reasonColumn.setCellValueFactory(c -> value(c.getValue().reason()));
        fileColumn.setCellFactory(c -> nameCell()); // one line each: the reasons get the rows; the row's tooltip has the whole name
        reasonColumn.setCellFactory(c -> new WrappingCell<>(reasonColumn));
        outcomeColumn.setMinWidth(Region.USE_PREF_SIZE);
        outcomeColumn.setPrefWidth(100);
        // the name gets a third of the room, the reason the rest (less a vertical scroll bar's width)
        var room = problems.widthProperty().subtract(outcomeColumn.widthProperty()).subtract(SCROLL_BAR);
        fileColumn.prefWidthProperty().bind(room.multiply(0.34));
        reasonColumn.prefWidthProperty().bind(room.multiply(0.66));
        problems.setRowFactory(table -> {
            TableRow<UploadProblem> row = new TableRow<>();
            row.tooltipProperty().bind(row.itemProperty().map(p -> new Tooltip(p.line())));
            return row;
        });
        MenuItem copy = CopyText.menuItem("Copy", this::selectedLines);
        copy.setAccelerator(COPY);
        problems.setContextMenu(new ContextMenu(copy, CopyText.menuItem("Copy all", viewModel::problemsText)));
        problems.setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                copy.fire();
                e.consume();
            }
        });
    }

    /** A name on one line, shortened in the middle when it must be (the folder it starts with and its extension stay). */
    private static TableCell<UploadProblem, String> nameCell() {
        TableCell<UploadProblem, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        };
        cell.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        return cell;
    }

    /** "name  NN %": the name shortened in the middle when it must be, the percentage always shown. */
    private static final class InFlightCell extends ListCell<String> {
        private final Label name = new Label();
        private final Label percent = new Label();
        private final HBox line = new HBox(8, name, percent);

        InFlightCell() {
            name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            percent.setMinWidth(Region.USE_PREF_SIZE);
            setPrefWidth(0); // as wide as the list: no horizontal scroll bar
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            int split = item.lastIndexOf("  ");
            name.setText(split < 0 ? item : item.substring(0, split));
            percent.setText(split < 0 ? "" : item.substring(split + 2));
            setGraphic(line);
        }
    }

    private static ObservableValue<String> value(String text) {
        return new SimpleStringProperty(text);
    }

    private String selectedLines() {
        return problems.getSelectionModel().getSelectedItems().stream().map(UploadProblem::line).collect(Collectors.joining("\n"));
    }

    @FXML
    private void copyAll() {
        CopyText.toClipboard(viewModel.problemsText());
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
        shown.set(false);
        expandButton.setSelected(false);
    }

    /** Whether the strip is open (from an upload's start until Close). */
    public ReadOnlyBooleanProperty shown() {
        return shown.getReadOnlyProperty();
    }

    /** Whether the operator asked for the strip to take most of the panel. */
    public ReadOnlyBooleanProperty expanded() {
        return expandButton.selectedProperty();
    }

    TableView<UploadProblem> problems() {
        return problems;
    }

    public Parent root() {
        return root;
    }
}
