package io.tessera.console.hdfs;

import javafx.scene.control.Control;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

/** A table cell whose text wraps at its column's width (the row grows), so a long name or reason is read whole. */
final class WrappingCell<S> extends TableCell<S, String> {
    private final Text text = new Text();

    WrappingCell(TableColumn<S, String> column) {
        text.getStyleClass().add("wrapping-cell-text");
        text.wrappingWidthProperty().bind(column.widthProperty().subtract(14));
        setPrefHeight(Control.USE_COMPUTED_SIZE);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        text.setText(empty || item == null ? "" : item);
        setGraphic(empty || item == null ? null : text);
    }

    String shown() {
        return text.getText();
    }
}
