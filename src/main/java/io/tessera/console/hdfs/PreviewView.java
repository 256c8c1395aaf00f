package io.tessera.console.hdfs;

import io.tessera.console.common.Fxml;
import io.tessera.engine.store.HdfsEntry;
import io.tessera.engine.thumbs.Cancellable;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The preview pane: the selected image larger, its facts, and where its blocks live. Everything fits the pane's width,
 * whatever it is: the picture scales down to it, long values (a path, a date with its age) wrap and carry a tooltip
 * and a "Copy" menu, block lines wrap.
 */
public final class PreviewView {
    /** The picture's tallest size: a portrait photo leaves room for its facts. */
    private static final double PICTURE_HEIGHT = 360;

    private final PreviewViewModel viewModel;
    private final ThumbnailFeed thumbnails;
    private final Parent root;
    private Cancellable pending = Cancellable.DONE;
    @FXML private ScrollPane scroll;
    @FXML private VBox content;
    @FXML private Label title;
    @FXML private StackPane pictureBox;
    @FXML private ImageView picture;
    @FXML private Label empty;
    @FXML private Label problem;
    @FXML private GridPane facts;
    @FXML private Label blocksTitle;
    @FXML private ListView<String> blocks;

    public PreviewView(PreviewViewModel viewModel, ThumbnailFeed thumbnails) {
        this.viewModel = viewModel;
        this.thumbnails = thumbnails;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(viewModel.title());
        title.tooltipProperty().bind(viewModel.title().map(t -> t.isEmpty() ? null : new Tooltip(t)));
        // The picture follows the pane's width (less the paddings), never the other way round.
        picture.fitWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(40, scroll.getViewportBounds().getWidth()
                - content.getPadding().getLeft() - content.getPadding().getRight() - pictureBox.getPadding().getLeft() - pictureBox.getPadding().getRight()),
                scroll.viewportBoundsProperty(), content.paddingProperty(), pictureBox.paddingProperty()));
        // a 4:3 box at most (a portrait photo leaves room for its facts), kept while the picture loads: nothing jumps
        picture.fitHeightProperty().bind(picture.fitWidthProperty().multiply(0.75).map(h -> Math.min(PICTURE_HEIGHT, h.doubleValue())));
        empty.maxWidthProperty().bind(picture.fitWidthProperty());
        empty.setAlignment(javafx.geometry.Pos.CENTER);
        empty.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        problem.textProperty().bind(viewModel.imageProblem());
        problem.visibleProperty().bind(viewModel.imageProblem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        blocks.setItems(viewModel.blocks());
        blocks.setCellFactory(list -> wrappingCell());
        blocks.visibleProperty().bind(viewModel.entry().map(e -> !e.directory()).orElse(false));
        blocks.managedProperty().bind(blocks.visibleProperty());
        blocksTitle.visibleProperty().bind(blocks.visibleProperty());
        blocksTitle.managedProperty().bind(blocks.visibleProperty());
        empty.visibleProperty().bind(picture.imageProperty().isNull());
        viewModel.facts().addListener((ListChangeListener<Map.Entry<String, String>>) change -> showFacts());
        viewModel.entry().addListener((obs, old, now) -> showPicture(now));
    }

    private void showFacts() {
        facts.getChildren().clear();
        int row = 0;
        for (Map.Entry<String, String> fact : viewModel.facts()) {
            Label key = new Label(fact.getKey());
            key.getStyleClass().add("text-muted");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(fact.getValue());
            value.setWrapText(true);
            value.setMinWidth(0);
            value.getStyleClass().add("hdfs-fact");
            value.setTooltip(new Tooltip(fact.getValue()));
            value.setContextMenu(new ContextMenu(CopyText.menuItem("Copy", fact::getValue)));
            facts.addRow(row++, key, value);
        }
    }

    /** A list line that wraps at the list's width instead of widening the list. */
    private static ListCell<String> wrappingCell() {
        ListCell<String> cell = new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        };
        cell.setWrapText(true);
        cell.setPrefWidth(0); // the list gives each cell its own width; the text wraps within it
        return cell;
    }

    private void showPicture(HdfsEntry entry) {
        pending.cancel();
        picture.setImage(null);
        empty.setText(entry == null ? "Select a file to see it here" : entry.directory() ? "A folder" : "No picture");
        if (entry != null && entry.looksLikeImage()) {
            empty.setText("Loading …");
            pending = thumbnails.preview(entry, PreviewViewModel.BOX, shown -> {
                switch (shown) {
                    case Picture.Shown s -> picture.setImage(s.image());
                    case Picture.Failed failed -> empty.setText(failed.reason());
                }
            });
        }
    }

    public Parent root() {
        return root;
    }
}
