package io.tessera.console.jobs;

import io.tessera.console.common.WriteControls;
import io.tessera.console.connection.Writes;
import io.tessera.console.common.Fxml;
import io.tessera.engine.dispatch.Priority;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The "New job" form; every value lives in the {@link LauncherViewModel}. */
public final class LauncherView {
    private final LauncherViewModel viewModel;
    private final Parent root;
    @FXML private TextField inputField;
    @FXML private ListView<OpDraft> opList;
    @FXML private ComboBox<OpKind> opKind;
    @FXML private Button upButton;
    @FXML private Button downButton;
    @FXML private Button removeButton;
    @FXML private VBox opForm;
    @FXML private ComboBox<String> formatBox;
    @FXML private TextField qualityField;
    @FXML private TextField outputField;
    @FXML private Label outputHintLabel;
    @FXML private Spinner<Integer> shardSpinner;
    @FXML private Spinner<Integer> taskSpinner;
    @FXML private ComboBox<Priority> priorityBox;
    @FXML private VBox problems;
    @FXML private Button estimateButton;
    @FXML private Button startButton;
    private final Writes writes;
    @FXML private Label estimateLabel;

    public LauncherView(LauncherViewModel viewModel, Writes writes) {
        this.viewModel = viewModel;
        this.writes = writes;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        inputField.textProperty().bindBidirectional(viewModel.input());
        opList.setItems(viewModel.ops());
        opList.setCellFactory(list -> new OpCell());
        opKind.getItems().setAll(OpKind.values());
        opKind.getSelectionModel().select(OpKind.RESIZE);
        upButton.setGraphic(new FontIcon("fth-arrow-up"));
        downButton.setGraphic(new FontIcon("fth-arrow-down"));
        removeButton.setGraphic(new FontIcon("fth-trash-2"));
        var noOp = opList.getSelectionModel().selectedItemProperty().isNull();
        upButton.disableProperty().bind(noOp);
        downButton.disableProperty().bind(noOp);
        removeButton.disableProperty().bind(noOp);
        opList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> showForm(now));
        opList.getSelectionModel().selectFirst();
        formatBox.getItems().setAll(LauncherViewModel.FORMATS);
        formatBox.valueProperty().bindBidirectional(viewModel.format());
        qualityField.textProperty().bindBidirectional(viewModel.quality());
        qualityField.disableProperty().bind(viewModel.format().isNotEqualTo("jpeg"));
        outputField.textProperty().bindBidirectional(viewModel.output());
        outputHintLabel.textProperty().bind(viewModel.outputHint());
        shardSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1_000_000, viewModel.shardImages().get(), 100));
        shardSpinner.getValueFactory().valueProperty().bindBidirectional(viewModel.shardImages());
        taskSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 10_000, viewModel.imagesPerTask().get(), 5));
        taskSpinner.getValueFactory().valueProperty().bindBidirectional(viewModel.imagesPerTask());
        priorityBox.getItems().setAll(Priority.values());
        priorityBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Priority p) {
                return p == null ? "" : p.name().charAt(0) + p.name().substring(1).toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public Priority fromString(String text) {
                return Priority.valueOf(text.toUpperCase(java.util.Locale.ROOT));
            }
        });
        priorityBox.valueProperty().bindBidirectional(viewModel.priority());
        viewModel.problems().addListener((ListChangeListener<String>) change -> showProblems());
        estimateLabel.textProperty().bind(viewModel.estimateText());
        estimateButton.disableProperty().bind(viewModel.busy());
        WriteControls.guard(writes, startButton, viewModel.busy()); // a read-only profile launches nothing
    }

    /** The selected op's own form: a field per argument, and the engine's verdict under it. */
    private void showForm(OpDraft draft) {
        opForm.getChildren().clear();
        if (draft == null) {
            return;
        }
        Label heading = new Label(draft.kind().title());
        heading.getStyleClass().add("jobs-form-label");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        List<OpKind.OpField> fields = draft.kind().fields();
        for (int i = 0; i < fields.size(); i++) {
            grid.add(new Label(fields.get(i).label()), 0, i);
            grid.add(editor(draft, i, fields.get(i)), 1, i);
        }
        if (fields.isEmpty()) {
            Label none = new Label("No settings");
            none.getStyleClass().add("text-muted");
            grid.add(none, 0, 0);
        }
        Label error = new Label();
        error.getStyleClass().add("jobs-op-error");
        error.setWrapText(true);
        error.textProperty().bind(draft.error());
        error.visibleProperty().bind(draft.error().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        opForm.getChildren().setAll(heading, grid, error);
    }

    private static Node editor(OpDraft draft, int index, OpKind.OpField field) {
        if (!field.choices().isEmpty()) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(field.choices());
            box.valueProperty().bindBidirectional(draft.value(index));
            return box;
        }
        TextField text = new TextField();
        text.setPrefColumnCount(8);
        text.getStyleClass().add("jobs-op-field");
        text.textProperty().bindBidirectional(draft.value(index));
        return text;
    }

    private void showProblems() {
        problems.getChildren().setAll(viewModel.problems().stream().map(text -> {
            Label label = new Label(text, new FontIcon("fth-alert-circle"));
            label.setWrapText(true);
            label.getStyleClass().add("jobs-problem");
            return label;
        }).toList());
    }

    @FXML
    private void useHdfsSelection() {
        viewModel.useHdfsSelection();
    }

    @FXML
    private void addOp() {
        if (opKind.getValue() != null) {
            OpDraft draft = viewModel.addOp(opKind.getValue());
            opList.getSelectionModel().select(draft);
        }
    }

    @FXML
    private void removeOp() {
        viewModel.removeOp(opList.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void moveUp() {
        move(-1);
    }

    @FXML
    private void moveDown() {
        move(1);
    }

    private void move(int by) {
        OpDraft draft = opList.getSelectionModel().getSelectedItem();
        viewModel.moveOp(draft, by);
        opList.getSelectionModel().select(draft);
    }

    @FXML
    private void estimate() {
        viewModel.estimate();
    }

    @FXML
    private void start() {
        viewModel.start();
    }

    /** "1  thumbnail:256", with a warning glyph and the reason as tooltip while the op's values are invalid. */
    private static final class OpCell extends ListCell<OpDraft> {
        private final FontIcon warning = new FontIcon("fth-alert-triangle");
        private final javafx.scene.control.Tooltip reason = new javafx.scene.control.Tooltip();

        @Override
        protected void updateItem(OpDraft draft, boolean empty) {
            super.updateItem(draft, empty);
            textProperty().unbind();
            graphicProperty().unbind();
            reason.textProperty().unbind();
            if (empty || draft == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            textProperty().bind(Bindings.concat(getIndex() + 1, "  ", draft.spec()));
            graphicProperty().bind(Bindings.when(draft.error().isEmpty()).then((Node) null).otherwise(warning));
            reason.textProperty().bind(draft.error());
            setTooltip(reason);
        }
    }

    public Parent root() {
        return root;
    }
}
