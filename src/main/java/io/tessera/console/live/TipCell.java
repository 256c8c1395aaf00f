package io.tessera.console.live;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** A feed cell of text whose tooltip holds the whole of it: paths and reasons may end in "…" at the column's width. */
final class TipCell extends TableCell<LiveRow, String> {
    private final Tooltip tip = new Tooltip();

    TipCell() {
        tip.setWrapText(true);
        tip.setMaxWidth(640);
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        boolean blank = empty || text == null || text.isEmpty();
        setText(blank ? null : text);
        tip.setText(blank ? "" : text);
        setTooltip(blank ? null : tip);
    }
}
