package io.tessera.console.live;

import io.tessera.engine.events.EventType;
import io.tessera.engine.thumbs.Cancellable;
import io.tessera.engine.thumbs.ThumbnailResult;
import java.io.ByteArrayInputStream;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/**
 * The output column: the output path with a small thumbnail for a finished image, asked for only while the
 * cell shows that row and cancelled when the cell is reused (the feed moves fast).
 */
final class OutputCell extends TableCell<LiveRow, LiveRow> {
    static final int BOX = 32;

    private final LiveThumbnails thumbnails;
    private final ImageView picture = new ImageView();
    private final StackPane frame = new StackPane(picture);
    private Cancellable pending = Cancellable.DONE;
    private LiveRow shownFor;

    OutputCell(LiveThumbnails thumbnails) {
        this.thumbnails = thumbnails;
        picture.setFitWidth(BOX);
        picture.setFitHeight(BOX);
        picture.setPreserveRatio(true);
        frame.setMinSize(BOX, BOX);
        frame.setPrefSize(BOX, BOX);
        frame.getStyleClass().add("live-thumb");
        setContentDisplay(ContentDisplay.LEFT);
        setGraphicTextGap(8);
    }

    @Override
    protected void updateItem(LiveRow row, boolean empty) {
        super.updateItem(row, empty);
        if (!empty && row != null && row == shownFor) {
            return;
        }
        shownFor = empty ? null : row;
        pending.cancel();
        pending = Cancellable.DONE;
        picture.setImage(null);
        if (empty || row == null || row.event().output() == null) {
            setText(null);
            setTooltip(null);
            setGraphic(null);
            return;
        }
        setText(row.event().output());
        setTooltip(new Tooltip(row.event().output()));
        if (row.event().type() != EventType.IMAGE_DONE) {
            setGraphic(null);
            return;
        }
        setGraphic(frame);
        pending = thumbnails.request(row.event(), BOX, result -> {
            if (row == getItem() && result instanceof ThumbnailResult.Ready ready) {
                picture.setImage(new Image(new ByteArrayInputStream(ready.thumbnail().data())));
            }
        });
    }
}
