package io.tessera.console.live;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** An error: the image (or task) it names, and why, on two lines; a click shows the image in the HDFS browser. */
final class ErrorCell extends ListCell<LiveRow> {
    private final Label subject = new Label();
    private final Label reason = new Label();
    private final VBox box = new VBox(1, subject, reason);

    ErrorCell(LiveViewModel viewModel) {
        getStyleClass().add("live-error-cell");
        setPrefWidth(0); // take the list's width, not the text's: long paths and reasons end in an ellipsis (full text in the tooltip)
        reason.getStyleClass().add("live-error-reason");
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
        setTooltip(new Tooltip(row.type() + " in " + row.event().job() + " on " + row.event().worker() + "\n" + row.event().reason()));
        setGraphic(box);
    }
}
