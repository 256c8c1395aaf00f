package io.tessera.console.jobs;

import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.layout.VBox;

/**
 * A job's progress as its images settled of all ("1,234 / 10,000") over a thin bar: one column instead of a bar and a
 * count side by side, so a narrow window (1280 px, launcher open) keeps room for the whole job id.
 */
final class ProgressCell extends TableCell<JobRow, ProgressCell.Shown> {
    /** What the cell shows of a row: a new value whenever the row's status moves. */
    record Shown(String count, double fraction) {
        static Shown of(JobRow row) {
            return new Shown(row.imagesText(), row.progress());
        }
    }

    private final ProgressBar bar = new ProgressBar();
    private final javafx.scene.control.Label count = new javafx.scene.control.Label();
    private final VBox box = new VBox(3, count, bar);

    ProgressCell() {
        getStyleClass().add("job-progress-cell");
        bar.getStyleClass().add("job-progress-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        box.setAlignment(Pos.CENTER_LEFT);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(Shown shown, boolean empty) {
        super.updateItem(shown, empty);
        if (empty || shown == null) {
            setGraphic(null);
            return;
        }
        count.setText(shown.count());
        bar.setProgress(shown.fraction());
        setGraphic(box);
    }
}
