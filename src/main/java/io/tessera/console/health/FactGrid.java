package io.tessera.console.health;

import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** Key–value rows in a two-column grid (muted key, value with its whole text in a tooltip): the cards and the dashboard's facts. */
final class FactGrid {
    private FactGrid() {}

    static void show(GridPane grid, List<Map.Entry<String, String>> rows, boolean wrap) {
        grid.getChildren().clear();
        for (int row = 0; row < rows.size(); row++) {
            Label key = new Label(rows.get(row).getKey());
            key.getStyleClass().add("detail-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(rows.get(row).getValue());
            value.getStyleClass().add("detail-value");
            value.setWrapText(wrap);
            value.setTooltip(new Tooltip(rows.get(row).getValue()));
            grid.addRow(row, key, value);
        }
    }
}
