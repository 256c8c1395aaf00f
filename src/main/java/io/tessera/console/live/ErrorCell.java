package io.tessera.console.live;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * An error: the image (or task) it names, and why; a click shows the image in the HDFS browser. The path keeps its
 * end (the file name) when it is too long; the reason wraps, up to {@link #REASON_LINES} lines, so it is read whole
 * (the tooltip has everything).
 */
final class ErrorCell extends ListCell<LiveRow> {
    static final int REASON_LINES = 8;
    private final Label subject = new Label();
    private final Label reason = new Label();
    private final VBox box = new VBox(1, subject, reason);

    ErrorCell(LiveViewModel viewModel) {
        getStyleClass().add("live-error-cell");
        setPrefWidth(0); // take the list's width, not the text's
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        subject.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        reason.getStyleClass().add("live-error-reason");
        reason.setWrapText(true);
        // wrap within the cell (its width less its padding), never at the text's own width: the cell's height is asked for
        // without a width, and a wrapping label answers it for its preferred width
        box.setMinWidth(0);
        subject.prefWidthProperty().bind(widthProperty().subtract(20));
        reason.prefWidthProperty().bind(widthProperty().subtract(20));
        reason.maxHeightProperty().bind(reason.fontProperty().map(f -> f.getSize() * 1.5 * REASON_LINES));
        setOnMouseClicked(e -> viewModel.openError(getItem()));
    }

    @Override
    protected void updateItem(LiveRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        subject.setText(row.subject().isEmpty() ? row.type() : row.subject());
        reason.setText(row.time() + " · " + (row.event().reason() == null ? row.type() : row.event().reason()));
        Tooltip tip = new Tooltip(row.subject() + "\n" + row.type() + " in " + row.event().job() + " on " + row.event().worker() + "\n" + row.event().reason());
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        setTooltip(tip);
        setGraphic(box);
    }
}
