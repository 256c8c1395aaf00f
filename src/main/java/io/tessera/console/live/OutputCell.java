package io.tessera.console.live;

import io.tessera.engine.events.EventType;
import io.tessera.engine.thumbs.Cancellable;
import io.tessera.engine.thumbs.ThumbnailResult;
import java.io.ByteArrayInputStream;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/**
 * The "Result" column: for a finished image its output path (its end kept when cut) with a small thumbnail,
 * asked for only while the cell shows that row and cancelled when the cell is reused (the feed moves fast); for a
 * failure the reason (its start kept), in the danger colour. A row has one or the other, so they share a column and
 * each gets the width of two. The tooltip holds the whole text.
 */
final class OutputCell extends TableCell<LiveRow, LiveRow> {
    static final int BOX = 32;
    static final String REASON_STYLE = "live-reason";

    private final LiveThumbnails thumbnails;
    private final ImageView picture = new ImageView();
    private final StackPane frame = new StackPane(picture);
    private final Tooltip tip = new Tooltip();
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
        tip.setWrapText(true);
        tip.setMaxWidth(640);
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
        getStyleClass().remove(REASON_STYLE);
        String output = empty || row == null ? null : row.event().output();
        String reason = empty || row == null ? null : row.event().reason();
        if (output == null) {
            setGraphic(null);
            setText(reason);
            setTextOverrun(OverrunStyle.ELLIPSIS);
            setTooltip(reason == null ? null : tip);
            tip.setText(reason == null ? "" : reason);
            if (reason != null) {
                getStyleClass().add(REASON_STYLE);
            }
            return;
        }
        setText(output);
        setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        tip.setText(output);
        setTooltip(tip);
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
