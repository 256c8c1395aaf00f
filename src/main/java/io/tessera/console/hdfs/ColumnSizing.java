package io.tessera.console.hdfs;

import java.util.Comparator;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Column widths for the panel's tables: every column but one is as wide as its header and its widest text
 * among the first rows, and the one ("Name", "Original path") takes what is left, so nothing is cut short
 * at the window's size and no horizontal scroll bar appears while the table is wide enough. When it is not (a 1280 px
 * window), the columns marked {@link #givesWay} are hidden in their order until the name has room again, and come
 * back when the table widens (what they show is in the preview).
 */
final class ColumnSizing {
    /** Rows measured: the columns beside the name hold values of bounded width (sizes, dates, owners). */
    static final int SAMPLE = 300;
    /** Cell padding plus the header's sort arrow, and room for the vertical scroll bar. */
    private static final double CELL_PADDING = 20;
    private static final double SCROLL_BAR = 18;
    /** Marks a table whose columns were fitted once: later fits only widen (columns do not jump while paging). */
    private static final String ROOM = "tessera.column.room";
    private static final String FITTED = "tessera.columns.fitted";
    private static final String GIVES_WAY = "tessera.column.givesWay";
    /** The room the filling column keeps before other columns give way. */
    private static final double FILL_ROOM = 260;

    private ColumnSizing() {}

    static <S> void fillWith(TableView<S> table, TableColumn<S, ?> fill) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Runnable fit = () -> fitToContent(table, fill);
        table.getItems().addListener((ListChangeListener<S>) change -> fit.run());
        // After the skin's first CSS pass: the headers are bold then, and wider than the default font says.
        table.skinProperty().addListener((obs, old, skin) -> Platform.runLater(fit));
        table.widthProperty().addListener((obs, old, now) -> giveRestTo(table, fill));
        for (TableColumn<S, ?> column : table.getColumns()) {
            if (column != fill) {
                column.widthProperty().addListener((obs, old, now) -> giveRestTo(table, fill));
            }
        }
        fit.run();
    }

    /** Makes a column at least as wide as this text, for values that may come later than the rows measured ("1023 bytes"). */
    static void room(TableColumn<?, ?> column, String widestValue) {
        column.getProperties().put(ROOM, widestValue);
    }

    /** The column is hidden when the table is too narrow for all; lower {@code order} gives way first. */
    static void givesWay(TableColumn<?, ?> column, int order) {
        column.getProperties().put(GIVES_WAY, order);
    }

    static <S> void fitToContent(TableView<S> table, TableColumn<S, ?> fill) {
        Font headerFont = font(table, ".column-header .label");
        // Before the first rows are laid out there is no cell to ask: the (bold, wider) header font errs on the safe side.
        Font font = table.lookup(".table-row-cell .table-cell") != null ? font(table, ".table-row-cell .table-cell") : headerFont;
        boolean styled = table.lookup(".column-header .label") != null;
        boolean first = !table.getProperties().containsKey(FITTED);
        if (styled) {
            table.getProperties().put(FITTED, Boolean.TRUE);
        }
        int rows = Math.min(SAMPLE, table.getItems().size());
        for (TableColumn<S, ?> column : table.getColumns()) {
            if (column == fill) {
                continue;
            }
            double widest = Math.max(width(column.getText(), headerFont), width((String) column.getProperties().getOrDefault(ROOM, ""), font));
            for (int i = 0; i < rows; i++) {
                Object value = column.getCellObservableValue(i) == null ? null : column.getCellObservableValue(i).getValue();
                if (value != null) {
                    widest = Math.max(widest, width(value.toString(), font));
                }
            }
            double wanted = Math.ceil(widest + CELL_PADDING);
            if (first || wanted > column.getPrefWidth()) {
                column.setPrefWidth(Math.max(wanted, column.getMinWidth()));
            }
        }
        giveRestTo(table, fill);
    }

    private static <S> void giveRestTo(TableView<S> table, TableColumn<S, ?> fill) {
        if (table.getWidth() <= 0) {
            return;
        }
        double room = table.getWidth() - table.getInsets().getLeft() - table.getInsets().getRight() - SCROLL_BAR;
        double others = table.getColumns().stream().filter(c -> c != fill).mapToDouble(TableColumn::getPrefWidth).sum();
        List<TableColumn<S, ?>> yielding = table.getColumns().stream().filter(c -> c.getProperties().containsKey(GIVES_WAY))
                .sorted(Comparator.comparingInt(c -> (Integer) c.getProperties().get(GIVES_WAY))).toList();
        for (TableColumn<S, ?> column : yielding) {
            boolean hide = room - others < FILL_ROOM;
            if (hide) {
                others -= column.getPrefWidth();
            }
            column.setVisible(!hide);
        }
        fill.setPrefWidth(Math.max(fill.getMinWidth(), Math.max(120, room - others)));
    }

    /** The font the table's skin gives these nodes once they exist (headers are bold), else the default. */
    private static Font font(TableView<?> table, String selector) {
        Node styled = table.lookup(selector);
        return styled instanceof Labeled label ? label.getFont() : Font.getDefault();
    }

    private static double width(String text, Font font) {
        Text measure = new Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }
}
