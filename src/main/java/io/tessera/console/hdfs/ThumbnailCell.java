package io.tessera.console.hdfs;

import io.tessera.engine.store.HdfsEntry;
import io.tessera.engine.thumbs.Cancellable;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.controlsfx.control.GridCell;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One grid card: a folder or file glyph, or for an image entry its thumbnail, asked for only while the card shows
 * that entry (cancelled when the card is reused). Until the thumbnail arrives the card shows a breathing placeholder
 * ("Loading…") above the file name; an image that cannot be shown gets a warning card with the short reason ("truncated
 * JPEG") and the whole reason as tooltip.
 */
final class ThumbnailCell extends GridCell<HdfsEntry> {
    static final int BOX = 160;
    private static final double FRAME_WIDTH = BOX - 12;
    private static final double FRAME_HEIGHT = BOX - 24;

    private final ThumbnailFeed thumbnails;
    private final Runnable nearEnd;
    private final ImageView picture = new ImageView();
    private final VBox loading = placeholder("fth-image", "Loading…", "thumbnail-loading");
    private final Label reason = new Label();
    private final VBox problem = placeholder("fth-alert-triangle", null, "thumbnail-problem");
    private final FontIcon kind = new FontIcon();
    private final StackPane frame = new StackPane(picture, loading, problem, kind);
    private final Label label = new Label();
    /** The whole name (a card shortens it in the middle), and for a failure the whole reason. */
    private final Tooltip tip = new Tooltip();
    private Cancellable pending = Cancellable.DONE;
    private HdfsEntry shownFor;

    ThumbnailCell(ThumbnailFeed thumbnails, LoadingPulse pulse, Runnable nearEnd) {
        this.thumbnails = thumbnails;
        this.nearEnd = nearEnd;
        getStyleClass().add("thumbnail-cell");
        picture.setFitWidth(FRAME_WIDTH);
        picture.setFitHeight(FRAME_HEIGHT);
        picture.setPreserveRatio(true);
        reason.setWrapText(true);
        reason.setTextAlignment(TextAlignment.CENTER);
        reason.setAlignment(Pos.CENTER);
        reason.setMaxWidth(FRAME_WIDTH - 12);
        reason.getStyleClass().add("thumbnail-reason");
        problem.getChildren().add(reason);
        kind.setIconSize(48);
        kind.getStyleClass().add("thumbnail-icon");
        frame.setPrefSize(FRAME_WIDTH, FRAME_HEIGHT);
        frame.setMaxSize(FRAME_WIDTH, FRAME_HEIGHT);
        label.setGraphic(frame);
        label.setContentDisplay(ContentDisplay.TOP);
        label.setAlignment(Pos.CENTER);
        label.setMaxWidth(BOX - 8);
        label.getStyleClass().add("thumbnail-label");
        label.setTooltip(tip);
        show(null);
        pulse.follow(loading);
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
        getStyleClass().remove("thumbnail-failed");
        if (empty || item == null) {
            show(null);
            setGraphic(null);
            return;
        }
        label.setText(item.name());
        tip.setText(item.name());
        setGraphic(label);
        if (getGridView() != null && getIndex() >= getGridView().getItems().size() - 24) {
            nearEnd.run();
        }
        if (item.directory()) {
            showKind("fth-folder");
        } else if (item.looksLikeImage()) {
            show(loading);
            if (getGridView() == null || getGridView().isVisible()) {
                request(item);
            } // else the table shows: asked for when the grid is shown (resume)
        } else {
            showKind("fth-file");
        }
    }

    /** The grid is shown again: a card that waits without having asked (it was laid out hidden) asks now. */
    void resume() {
        HdfsEntry item = getItem();
        if (item != null && !isEmpty() && item.looksLikeImage() && pending == Cancellable.DONE && picture.getImage() == null && loading.isVisible()) {
            request(item);
        }
    }

    private void request(HdfsEntry item) {
        pending = thumbnails.request(item, BOX, getIndex(), shown -> {
            if (!item.equals(getItem())) {
                return;
            }
            switch (shown) {
                case Picture.Shown s -> {
                    picture.setImage(s.image());
                    show(picture);
                }
                case Picture.Failed failed -> {
                    reason.setText(failed.headline());
                    tip.setText(item.name() + "\n" + failed.reason());
                    getStyleClass().add("thumbnail-failed");
                    show(problem);
                }
            }
        });
    }

    private void showKind(String literal) {
        kind.setIconLiteral(literal);
        show(kind);
    }

    /** Shows one of the frame's layers (none for null). */
    private void show(Node layer) {
        for (Node child : frame.getChildren()) {
            child.setVisible(child == layer);
        }
    }

    private static VBox placeholder(String icon, String text, String styleClass) {
        FontIcon glyph = new FontIcon(icon);
        glyph.setIconSize(36);
        glyph.getStyleClass().add("thumbnail-icon");
        VBox box = new VBox(6, glyph);
        if (text != null) {
            Label caption = new Label(text);
            caption.getStyleClass().add("thumbnail-caption");
            box.getChildren().add(caption);
        }
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().addAll("thumbnail-placeholder", styleClass);
        return box;
    }
}
