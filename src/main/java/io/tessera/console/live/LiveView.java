package io.tessera.console.live;

import io.tessera.console.common.Fxml;
import io.tessera.console.common.Formats;
import io.tessera.engine.events.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Live panel: filters and feed controls, the newest-first feed with output thumbnails, the error list and four charts. */
public final class LiveView {
    private final LiveViewModel viewModel;
    private final Parent root;
    private final List<LiveChart> charts = new ArrayList<>();
    @FXML private Label subtitle;
    @FXML private Label state;
    @FXML private Label received;
    @FXML private ComboBox<EventType> typeFilter;
    @FXML private ComboBox<String> jobFilter;
    @FXML private ComboBox<String> workerFilter;
    @FXML private TextField textFilter;
    @FXML private Label waiting;
    @FXML private ToggleButton pauseToggle;
    @FXML private ToggleButton followToggle;
    @FXML private HBox notices;
    @FXML private Label gapNotice;
    @FXML private Label trimmedNotice;
    @FXML private TableView<LiveRow> feed;
    @FXML private TableColumn<LiveRow, String> timeColumn;
    @FXML private TableColumn<LiveRow, String> typeColumn;
    @FXML private TableColumn<LiveRow, String> jobColumn;
    @FXML private TableColumn<LiveRow, String> workerColumn;
    @FXML private TableColumn<LiveRow, String> imageColumn;
    @FXML private TableColumn<LiveRow, LiveRow> outputColumn;
    @FXML private Label errorsTitle;
    @FXML private ListView<LiveRow> errors;
    @FXML private GridPane chartGrid;

    public LiveView(LiveViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this);
        root.visibleProperty().addListener((obs, was, visible) -> viewModel.setShown(visible));
    }

    @FXML
    private void initialize() {
        subtitle.textProperty().bind(viewModel.subtitle());
        state.textProperty().bind(viewModel.state());
        viewModel.state().addListener((obs, old, now) -> styleState(now));
        styleState(viewModel.state().get());
        received.textProperty().bind(Bindings.createStringBinding(() -> Formats.number(viewModel.received().get()) + " events", viewModel.received()));
        setUpFilters();
        pauseToggle.selectedProperty().bindBidirectional(viewModel.paused());
        pauseToggle.setGraphic(new FontIcon("fth-pause"));
        followToggle.selectedProperty().bindBidirectional(viewModel.followTail());
        followToggle.setGraphic(new FontIcon("fth-chevrons-up"));
        waiting.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.waitingCount().get() == 0 ? "" : Formats.number(viewModel.waitingCount().get()) + " waiting", viewModel.waitingCount()));
        gapNotice.textProperty().bind(viewModel.gapNotice());
        trimmedNotice.textProperty().bind(Bindings.createStringBinding(viewModel::trimmedNotice, viewModel.trimmed()));
        notices.managedProperty().bind(viewModel.gapNotice().isNotEmpty().or(viewModel.trimmed().greaterThan(0)));
        notices.visibleProperty().bind(notices.managedProperty());
        setUpFeed();
        errors.setItems(viewModel.errors());
        errors.setCellFactory(list -> new ErrorCell(viewModel));
        errors.setPlaceholder(new Label("No errors"));
        errorsTitle.textProperty().bind(Bindings.createStringBinding(() -> "Errors (" + Formats.number(viewModel.errors().size()) + ")", viewModel.errors()));
        setUpCharts();
    }

    private void setUpFilters() {
        typeFilter.setItems(FXCollections.observableList(new ArrayList<>(Arrays.asList(EventType.values()))));
        typeFilter.getItems().addFirst(null);
        typeFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(EventType type) {
                return type == null ? "All types" : type.name();
            }

            @Override
            public EventType fromString(String text) {
                return text == null || text.equals("All types") ? null : EventType.valueOf(text);
            }
        });
        typeFilter.valueProperty().bindBidirectional(viewModel.typeFilter());
        jobFilter.setItems(viewModel.jobs());
        jobFilter.valueProperty().bindBidirectional(viewModel.jobFilter());
        workerFilter.setItems(viewModel.workers());
        workerFilter.valueProperty().bindBidirectional(viewModel.workerFilter());
        textFilter.textProperty().bindBidirectional(viewModel.textFilter());
    }

    private void setUpFeed() {
        feed.setItems(viewModel.feed());
        feed.setPlaceholder(new Label("No events yet: results appear here as workers produce them"));
        feed.setFixedCellSize(OutputCell.BOX + 8);
        // time, type, job and worker are as wide as their values (LiveColumns); the image and the output (or reason) share the rest
        feed.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        text(timeColumn, LiveRow::time);
        text(typeColumn, LiveRow::type);
        text(jobColumn, r -> r.event().job());
        text(workerColumn, r -> r.event().worker());
        text(imageColumn, r -> r.event().input());
        LiveColumns.fit(feed, timeColumn, List.of("00:00:00.000"), FXCollections.emptyObservableList());
        LiveColumns.fit(feed, typeColumn, Arrays.stream(EventType.values()).map(Enum::name).toList(), FXCollections.emptyObservableList());
        LiveColumns.fit(feed, jobColumn, List.of(LiveColumns.TYPICAL_JOB), viewModel.jobs());
        LiveColumns.fit(feed, workerColumn, List.of(LiveColumns.TYPICAL_WORKER), viewModel.workers());
        outputColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        outputColumn.setCellFactory(c -> new OutputCell(viewModel.thumbnails()));
        feed.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(LiveRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("live-error-row");
                if (!empty && row != null && row.isError()) {
                    getStyleClass().add("live-error-row");
                }
            }
        });
        viewModel.feed().addListener(this::keepPlace);
    }

    /** New rows go on top: following the tail shows them; otherwise the rows in view stay in view. */
    private void keepPlace(ListChangeListener.Change<? extends LiveRow> change) {
        int onTop = 0;
        boolean replaced = false;
        while (change.next()) {
            if (change.wasReplaced() || change.wasPermutated()) {
                replaced = true;
            } else if (change.wasAdded() && change.getFrom() == 0) {
                onTop += change.getAddedSize();
            }
        }
        if (viewModel.followTail().get() || replaced) {
            feed.scrollTo(0);
        } else if (onTop > 0) {
            int first = firstVisibleIndex();
            feed.scrollTo(Math.max(0, first + onTop));
        }
    }

    private int firstVisibleIndex() {
        if (feed.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> cell = flow.getFirstVisibleCell();
            return cell == null ? 0 : cell.getIndex();
        }
        return 0;
    }

    private void setUpCharts() {
        LiveChart jobs = new LiveChart("Images/s per job (10 s average)", false);
        LiveChart workers = new LiveChart("Images/s per worker (10 s average)", false);
        LiveChart failures = new LiveChart("Errors/s (10 s average)", false);
        LiveChart depth = new LiveChart("Queue depth (tasks)", true);
        charts.addAll(List.of(jobs, workers, failures, depth));
        for (int i = 0; i < charts.size(); i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / charts.size());
            column.setHgrow(Priority.ALWAYS);
            chartGrid.getColumnConstraints().add(column);
            chartGrid.add(charts.get(i).node(), i, 0);
            GridPane.setVgrow(charts.get(i).node(), Priority.ALWAYS);
        }
        viewModel.chartRevision().addListener((obs, old, now) -> {
            jobs.show(viewModel.jobRates());
            workers.show(viewModel.workerRates());
            failures.show(viewModel.errorRate());
            depth.show(viewModel.queueDepth());
        });
    }

    private void styleState(String text) {
        state.getStyleClass().removeAll("live-ok", "live-trouble");
        state.getStyleClass().add("Live".equals(text) ? "live-ok" : "live-trouble");
    }

    @FXML
    private void clear() {
        viewModel.clear();
    }

    private static void text(TableColumn<LiveRow, String> column, Function<LiveRow, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new TipCell());
    }

    public Parent root() {
        return root;
    }
}
