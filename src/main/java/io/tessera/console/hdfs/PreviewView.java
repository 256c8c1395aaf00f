package io.tessera.console.hdfs;

import io.tessera.console.common.Fxml;
import io.tessera.engine.store.HdfsEntry;
import io.tessera.engine.thumbs.Cancellable;
import io.tessera.engine.thumbs.ThumbnailResult;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;

/** The preview pane: the selected image larger, its facts, and where its blocks live. */
public final class PreviewView {
    private final PreviewViewModel viewModel;
    private final ThumbnailFeed thumbnails;
    private final Parent root;
    private Cancellable pending = Cancellable.DONE;
    @FXML private Label title;
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
        problem.textProperty().bind(viewModel.imageProblem());
        problem.visibleProperty().bind(viewModel.imageProblem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        blocks.setItems(viewModel.blocks());
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
            key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label value = new Label(fact.getValue());
            value.setWrapText(true);
            value.getStyleClass().add("hdfs-fact");
            facts.addRow(row++, key, value);
        }
    }

    private void showPicture(HdfsEntry entry) {
        pending.cancel();
        picture.setImage(null);
        empty.setText(entry == null ? "Select a file to see it here" : entry.directory() ? "A folder" : "No picture");
        if (entry != null && entry.looksLikeImage()) {
            empty.setText("Loading …");
            pending = thumbnails.request(entry, PreviewViewModel.BOX, result -> {
                switch (result) {
                    case ThumbnailResult.Ready ready -> picture.setImage(new Image(new ByteArrayInputStream(ready.thumbnail().data())));
                    case ThumbnailResult.Failed failed -> empty.setText(failed.reason());
                    case ThumbnailResult.Dropped dropped -> showPicture(entry);
                }
            });
        }
    }

    public Parent root() {
        return root;
    }
}
