package io.tessera.console.shards;

import io.tessera.console.common.Formats;
import io.tessera.console.common.Fxml;
import io.tessera.engine.shard.ShardState;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

/** The shard map tab: job picker, legend with counts, the tile canvas, and the clicked shard with its images. */
public final class ShardMapView {
    private final ShardMapViewModel viewModel;
    private final ShardMapCanvas canvas;
    private final Parent root;
    @FXML private ComboBox<String> jobs;
    @FXML private CheckBox groupByOwner;
    @FXML private Label summary;
    @FXML private HBox legend;
    @FXML private Label problem;
    @FXML private StackPane canvasSlot;
    @FXML private Label shardTitle;
    @FXML private GridPane facts;
    @FXML private Label imagesStatus;
    @FXML private ListView<String> images;

    public ShardMapView(ShardMapViewModel viewModel) {
        this.viewModel = viewModel;
        this.canvas = new ShardMapCanvas(viewModel);
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        jobs.setItems(viewModel.jobs());
        jobs.setValue(viewModel.job().get());
        viewModel.job().addListener((obs, old, now) -> jobs.setValue(now));
        jobs.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null && !chosen.equals(viewModel.job().get())) {
                viewModel.selectJob(chosen);
            }
        });
        groupByOwner.selectedProperty().bindBidirectional(viewModel.groupByOwner());
        summary.textProperty().bind(viewModel.summary());
        problem.textProperty().bind(viewModel.problem());
        problem.visibleProperty().bind(viewModel.problem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        for (ShardState state : ShardState.values()) {
            legend.getChildren().add(legendEntry(state));
        }
        canvasSlot.getChildren().add(canvas);
        canvas.setId("shard-map-canvas");
        shardTitle.textProperty().bind(viewModel.selected().map(s -> String.format("Shard %05d", s.index())).orElse("Click a tile to see its shard"));
        showFacts(viewModel.selectedFacts());
        viewModel.selectedFacts().addListener((javafx.collections.ListChangeListener<StatRows.Row>) change -> showFacts(viewModel.selectedFacts()));
        imagesStatus.textProperty().bind(viewModel.imagesStatus());
        images.setItems(viewModel.selectedImages());
        images.setPlaceholder(new Label(""));
    }

    private Label legendEntry(ShardState state) {
        Rectangle swatch = new Rectangle(12, 12, ShardColors.fill(state));
        swatch.setArcWidth(3);
        swatch.setArcHeight(3);
        Label label = new Label();
        label.setId("legend-" + state.name().toLowerCase());
        label.setGraphic(swatch);
        label.textProperty().bind(viewModel.count(state).map(n -> ShardColors.title(state) + "  " + Formats.number(n.longValue())));
        label.getStyleClass().add("legend-entry");
        return label;
    }

    private void showFacts(List<StatRows.Row> rows) {
        facts.getChildren().clear();
        for (int row = 0; row < rows.size(); row++) {
            Label key = new Label(rows.get(row).label());
            key.getStyleClass().add("detail-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(rows.get(row).value());
            value.setWrapText(true);
            facts.addRow(row, key, value);
        }
    }

    @FXML
    private void refreshJobs() {
        viewModel.refreshJobs();
    }

    /** The canvas, for tests that look at the drawn tiles. */
    ShardMapCanvas canvas() {
        return canvas;
    }

    public Parent root() {
        return root;
    }
}
