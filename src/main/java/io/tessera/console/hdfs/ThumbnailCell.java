package io.tessera.console.hdfs;

import io.tessera.engine.store.HdfsEntry;
import io.tessera.engine.thumbs.Cancellable;
import io.tessera.engine.thumbs.ThumbnailResult;
import java.io.ByteArrayInputStream;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.GridCell;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One grid cell: asks for its thumbnail only while it shows an image entry, and cancels the request when
 * it is reused for another entry or scrolls away. A failure shows a placeholder with the reason as tooltip.
 */
final class ThumbnailCell extends GridCell<HdfsEntry> {
    static final int BOX = 160;

    private final ThumbnailFeed thumbnails;
    private final Runnable nearEnd;
    private final ImageView picture = new ImageView();
    private final StackPane frame = new StackPane(picture);
    private final Label label = new Label();
    private Cancellable pending = Cancellable.DONE;
    private HdfsEntry shownFor;

    ThumbnailCell(ThumbnailFeed thumbnails, Runnable nearEnd) {
        this.thumbnails = thumbnails;
        this.nearEnd = nearEnd;
        getStyleClass().add("thumbnail-cell");
        picture.setFitWidth(BOX - 12);
        picture.setFitHeight(BOX - 24);
        picture.setPreserveRatio(true);
        frame.setPrefSize(BOX - 12, BOX - 24);
        label.setGraphic(frame);
        label.setContentDisplay(ContentDisplay.TOP);
        label.setAlignment(Pos.CENTER);
        label.setMaxWidth(BOX - 8);
        label.getStyleClass().add("thumbnail-label");
    }

    @Override
    protected void updateItem(HdfsEntry item, boolean empty) {
        super.updateItem(item, empty);
        if (!empty && item != null && item.equals(shownFor)) {
            return; // the grid lays its rows out again often: same entry, keep its picture or pending request
        }
        shownFor = empty ? null : item;
        pending.cancel();
        pending = Cancellable.DONE;
        picture.setImage(null);
        frame.getChildren().setAll(picture);
        label.setTooltip(null);
        getStyleClass().remove("thumbnail-failed");
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        label.setText(item.name());
        setGraphic(label);
        if (getGridView() != null && getIndex() >= getGridView().getItems().size() - 24) {
            nearEnd.run();
        }
        if (item.directory()) {
            frame.getChildren().add(icon("fth-folder"));
        } else if (item.looksLikeImage()) {
            request(item);
        } else {
            frame.getChildren().add(icon("fth-file"));
        }
    }

    private void request(HdfsEntry item) {
        pending = thumbnails.request(item, BOX, result -> {
            if (!item.equals(getItem())) {
                return;
            }
            switch (result) {
                case ThumbnailResult.Ready ready -> picture.setImage(new Image(new ByteArrayInputStream(ready.thumbnail().data())));
                case ThumbnailResult.Failed failed -> {
                    frame.getChildren().add(icon("fth-alert-triangle"));
                    getStyleClass().add("thumbnail-failed");
                    label.setTooltip(new Tooltip(failed.reason()));
                }
                case ThumbnailResult.Dropped dropped -> request(item);
            }
        });
    }

    private static FontIcon icon(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.setIconSize(48);
        icon.getStyleClass().add("thumbnail-icon");
        return icon;
    }
}
