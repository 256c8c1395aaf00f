package io.tessera.console.jobs;

import io.tessera.console.common.Fxml;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/** The selected job: counters, then tabs with its errors (image and reason), shards and dead letters. */
public final class JobDetailView {
    private final JobDetailViewModel viewModel;
    private final Parent root;
    @FXML private Label title;
    @FXML private Label note;
    @FXML private FlowPane counters;
    @FXML private Tab errorsTab;
    @FXML private Tab shardsTab;
    @FXML private Tab deadTab;
    @FXML private ListView<String> errors;
    @FXML private TableView<JobDetailViewModel.ShardLine> shards;
    @FXML private TableColumn<JobDetailViewModel.ShardLine, Number> shardIndexColumn;
    @FXML private TableColumn<JobDetailViewModel.ShardLine, String> shardStateColumn;
    @FXML private TableColumn<JobDetailViewModel.ShardLine, Number> shardImagesColumn;
    @FXML private TableColumn<JobDetailViewModel.ShardLine, Number> shardDoneColumn;
    @FXML private TableColumn<JobDetailViewModel.ShardLine, Number> shardFailedColumn;
    @FXML private TableColumn<JobDetailViewModel.ShardLine, String> shardOwnerColumn;
    @FXML private ListView<String> deadLetters;

    public JobDetailView(JobDetailViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(viewModel.title());
        note.textProperty().bind(viewModel.note());
        viewModel.counters().addListener((ListChangeListener<JobDetailViewModel.Counter>) change -> showCounters());
        errors.setItems(viewModel.errors());
        deadLetters.setItems(viewModel.deadLetters());
        shards.setItems(viewModel.shards());
        shardIndexColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().index()));
        shardStateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().state()));
        shardImagesColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().images()));
        shardDoneColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().done()));
        shardFailedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().failed()));
        // fixed columns as wide as their bold headers (FXML); the owner takes the rest
        shards.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        shardOwnerColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().owner()));
        errorsTab.textProperty().bind(Bindings.concat("Errors (", Bindings.size(viewModel.errors()), ")"));
        shardsTab.textProperty().bind(Bindings.concat("Shards (", Bindings.size(viewModel.shards()), ")"));
        deadTab.textProperty().bind(Bindings.concat("Dead letters (", Bindings.size(viewModel.deadLetters()), ")"));
        errors.setCellFactory(list -> new ErrorCell());
    }

    private void showCounters() {
        counters.getChildren().setAll(viewModel.counters().stream().map(c -> {
            Label name = new Label(c.name());
            name.getStyleClass().add("text-muted");
            Label value = new Label(c.value());
            value.getStyleClass().add("jobs-counter-value");
            HBox pair = new HBox(4, name, value);
            pair.getStyleClass().add("jobs-counter");
            return pair;
        }).toList());
    }

    /** The image path first, the reason after it, with the whole line as tooltip (long paths get cut). */
    private static final class ErrorCell extends javafx.scene.control.ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item);
            setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item));
        }
    }

    public Parent root() {
        return root;
    }
}
