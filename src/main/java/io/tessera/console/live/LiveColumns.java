package io.tessera.console.live;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The feed's columns of short values (time, type, job, worker) are exactly as wide as their header and their widest
 * value: the times and event types there are, a typical job and worker id at least, and every id seen so far
 * (widening as new ones come, up to {@link #MOST}). So ids show whole, never cut in the middle; the columns of paths
 * and reasons share the rest of the width. Headers are measured in their (bold) font, values in the cells' font.
 */
final class LiveColumns {
    static final String TYPICAL_JOB = "thumbs-20261206-0452-270d";
    static final String TYPICAL_WORKER = "hostname-12345-ab12";
    /** A column of ids is never wider than this: a longer id ends in "…", with the whole of it in the tooltip. */
    static final double MOST = 360;
    /** Cell padding (AtlantaFX: 8 px a side) and a little room. */
    private static final double PADDING = 22;

    private LiveColumns() {}

    /** Fits {@code column} to its header, {@code values}, and whatever {@code more} holds or will hold. */
    static <S> void fit(TableView<S> table, TableColumn<S, ?> column, List<String> values, ObservableList<String> more) {
        Runnable refit = () -> apply(table, column, values, more);
        more.addListener((InvalidationListener) seen -> refit.run());
        // after the skin's first CSS pass the header font is known (bold): measure again with it
        table.skinProperty().addListener((obs, old, skin) -> Platform.runLater(refit));
        refit.run();
    }

    private static void apply(TableView<?> table, TableColumn<?, ?> column, List<String> values, List<String> more) {
        Font header = font(table.lookup(".column-header .label"));
        // cells have the header's family and size, not its weight
        Font cells = Font.font(header.getFamily(), FontWeight.NORMAL, header.getSize());
        double text = width(column.getText(), header);
        for (List<String> list : List.of(values, more)) {
            for (String value : list) {
                text = Math.max(text, width(value, cells));
            }
        }
        double wanted = Math.min(MOST, Math.ceil(text + PADDING));
        column.setMinWidth(wanted);
        column.setPrefWidth(wanted);
        column.setMaxWidth(wanted);
    }

    /** The header's font once styled (bold); before that a bold 14 px one, wider than any the table will have. */
    private static Font font(Node header) {
        return header instanceof Labeled label ? label.getFont() : Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 14);
    }

    private static double width(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text measure = new Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }
}
