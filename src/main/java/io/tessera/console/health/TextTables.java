package io.tessera.console.health;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;

/** The dashboard's read-only tables of text: columns from row accessors, whole values in tooltips, problem rows marked. */
final class TextTables {
    private TextTables() {}

    /** A column of exactly {@code width} px; one of width 0 (the last) takes what is left. */
    static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TextFieldTableCell<>() {
            @Override
            public void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        column.setEditable(false);
        column.setSortable(false);
        if (width > 0) {
            column.setMinWidth(width);
            column.setPrefWidth(width);
            column.setMaxWidth(width);
        }
        return column;
    }

    /** The table shows {@code items} in {@code columns} (the last takes the width left); rows where {@code bad} holds are marked. */
    static <R> void show(TableView<R> table, ObservableList<R> items, Predicate<R> bad, List<TableColumn<R, String>> columns) {
        table.getColumns().setAll(columns);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(items);
        markProblems(table, bad);
    }

    /** Rows for which {@code bad} holds get the {@code row-problem} style class. */
    private static <R> void markProblems(TableView<R> table, Predicate<R> bad) {
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(R item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("row-problem");
                if (!empty && item != null && bad.test(item)) {
                    getStyleClass().add("row-problem");
                }
            }
        });
    }

    static void placeholder(TableView<?> table, String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        label.setWrapText(true);
        table.setPlaceholder(label);
    }
}
