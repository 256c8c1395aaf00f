package io.tessera.console.jobs;

import io.tessera.console.common.WriteControls;
import io.tessera.console.common.Fxml;
import io.tessera.console.workers.WorkerPoolView;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Jobs panel: worker pool and "New job" in the header, actions, the jobs table, the detail and the launcher. */
public final class JobsView {
    private final JobsViewModel viewModel;
    private final LauncherView launcher;
    private final Parent root;
    @FXML private Label subtitle;
    @FXML private StackPane poolSlot;
    @FXML private ToggleButton newJobToggle;
    @FXML private Button cancelButton;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button retryButton;
    @FXML private Button requeueButton;
    @FXML private Label message;
    @FXML private SplitPane split;
    @FXML private TableView<JobRow> table;
    /** Table width at which every column, a whole job id included, fits without "…". */
    private static final double WIDE_ENOUGH_FOR_CREATED = 870;
    @FXML private TableColumn<JobRow, String> idColumn;
    @FXML private TableColumn<JobRow, String> stateColumn;
    @FXML private TableColumn<JobRow, ProgressCell.Shown> progressColumn;
    @FXML private TableColumn<JobRow, String> failedColumn;
    @FXML private TableColumn<JobRow, String> rateColumn;
    @FXML private TableColumn<JobRow, String> etaColumn;
    @FXML private TableColumn<JobRow, String> createdColumn;
    @FXML private TableColumn<JobRow, String> startedColumn;
    @FXML private StackPane detailSlot;
    @FXML private StackPane launcherSlot;

    public JobsView(JobsViewModel viewModel) {
        this.viewModel = viewModel;
        this.launcher = new LauncherView(viewModel.launcher(), viewModel.writes());
        this.root = Fxml.load(this);
        root.visibleProperty().addListener((obs, was, visible) -> viewModel.setShown(visible));
        viewModel.setShown(root.isVisible());
    }

    @FXML
    private void initialize() {
        subtitle.textProperty().bind(viewModel.subtitle());
        poolSlot.getChildren().add(new WorkerPoolView(viewModel.pool()).root());
        newJobToggle.setGraphic(new FontIcon("fth-plus"));
        detailSlot.getChildren().add(new JobDetailView(viewModel.detail()).root());
        launcherSlot.getChildren().add(launcher.root());
        newJobToggle.selectedProperty().addListener((obs, was, show) -> showLauncher(show));
        message.textProperty().bind(viewModel.message());
        cancelButton.setGraphic(new FontIcon("fth-x-circle"));
        pauseButton.setGraphic(new FontIcon("fth-pause"));
        resumeButton.setGraphic(new FontIcon("fth-play"));
        retryButton.setGraphic(new FontIcon("fth-rotate-ccw"));
        requeueButton.setGraphic(new FontIcon("fth-corner-up-left"));
        // enabled only for the states where they act, and never on a read-only profile (the reason is their tooltip)
        WriteControls.guard(viewModel.writes(), cancelButton, viewModel.canCancel().not());
        WriteControls.guard(viewModel.writes(), pauseButton, viewModel.canPause().not());
        WriteControls.guard(viewModel.writes(), resumeButton, viewModel.canResume().not());
        WriteControls.guard(viewModel.writes(), retryButton, viewModel.canRetryFailed().not());
        WriteControls.guard(viewModel.writes(), requeueButton, viewModel.canRequeueDeadLetters().not());
        setUpTable();
    }

    private void setUpTable() {
        table.setItems(viewModel.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        idColumn.setCellValueFactory(c -> Bindings.createStringBinding(c.getValue()::id));
        idColumn.setCellFactory(column -> new JobIdCell());
        text(stateColumn, JobRow::stateText);
        stateColumn.setCellFactory(column -> new StateCell());
        progressColumn.setCellValueFactory(c -> Bindings.createObjectBinding(() -> ProgressCell.Shown.of(c.getValue()), c.getValue().statusProperty()));
        progressColumn.setCellFactory(column -> new ProgressCell());
        text(failedColumn, JobRow::failedText);
        text(rateColumn, JobRow::rateText);
        text(etaColumn, JobRow::etaText);
        text(createdColumn, JobRow::createdText);
        text(startedColumn, JobRow::startedText);
        // a narrow window (1280 px) has no room for every column at full width: Created gives way to the job id
        table.widthProperty().addListener((obs, old, width) -> createdColumn.setVisible(width.doubleValue() >= WIDE_ENOUGH_FOR_CREATED));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.selected().set(now));
        viewModel.selected().addListener((obs, old, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
                if (now != null) {
                    table.scrollTo(now);
                }
            }
        });
    }

    /** A text column that follows the row's status and rate. */
    private static void text(TableColumn<JobRow, String> column, Function<JobRow, String> value) {
        column.setCellValueFactory(c -> {
            JobRow row = c.getValue();
            ObservableValue<String> binding = Bindings.createStringBinding(() -> value.apply(row), row.statusProperty(), row.rateProperty());
            return binding;
        });
    }

    private void showLauncher(boolean show) {
        if (show && !split.getItems().contains(launcherSlot)) {
            split.getItems().add(launcherSlot);
            split.setDividerPositions(0.66);
        } else if (!show) {
            split.getItems().remove(launcherSlot);
        }
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void pause() {
        viewModel.pause();
    }

    @FXML
    private void resume() {
        viewModel.resume();
    }

    @FXML
    private void retryFailed() {
        viewModel.retryFailed();
    }

    @FXML
    private void requeue() {
        viewModel.requeueDeadLetters();
    }

    TableView<JobRow> table() {
        return table;
    }

    /**
     * A job id too long for its column keeps both ends ("thumbs-2026…0630-85c7"): ids of one minute differ only in their
     * last characters. The whole id is the tooltip.
     */
    private static final class JobIdCell extends TableCell<JobRow, String> {
        private final Tooltip whole = new Tooltip();

        JobIdCell() {
            setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        }

        @Override
        protected void updateItem(String id, boolean empty) {
            super.updateItem(id, empty);
            setText(empty ? null : id);
            whole.setText(id);
            setTooltip(empty || id == null ? null : whole);
        }
    }

    /** The state as a coloured tag (style class {@code job-state-<state>}). */
    private static final class StateCell extends TableCell<JobRow, String> {
        @Override
        protected void updateItem(String state, boolean empty) {
            super.updateItem(state, empty);
            getStyleClass().removeIf(s -> s.startsWith("job-state-"));
            setText(empty ? null : state);
            if (!empty && state != null) {
                getStyleClass().add("job-state-" + state);
            }
        }
    }

    public Parent root() {
        return root;
    }
}
