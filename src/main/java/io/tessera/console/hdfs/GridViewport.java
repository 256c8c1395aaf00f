package io.tessera.console.hdfs;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;

/**
 * Tells the thumbnail feed which cards of the grid are on screen, after every layout pass that moved them (a scroll,
 * a resize, a new listing): the first and last index of the cards whose bounds meet the grid's. The grid keeps a few
 * rows more than it shows (off screen, or hidden for reuse); those are left out.
 */
final class GridViewport {
    private final GridView<?> grid;
    private final ThumbnailFeed feed;
    private final Runnable check = this::report;

    private GridViewport(GridView<?> grid, ThumbnailFeed feed) {
        this.grid = grid;
        this.feed = feed;
    }

    static void follow(GridView<?> grid, ThumbnailFeed feed) {
        GridViewport viewport = new GridViewport(grid, feed);
        grid.sceneProperty().addListener((obs, old, now) -> viewport.moveTo(old, now));
        viewport.moveTo(null, grid.getScene());
    }

    private void moveTo(Scene old, Scene now) {
        if (old != null) {
            old.removePostLayoutPulseListener(check);
        }
        if (now != null) {
            now.addPostLayoutPulseListener(check);
        }
    }

    private void report() {
        if (!grid.isVisible()) {
            return;
        }
        Bounds view = grid.localToScene(grid.getLayoutBounds());
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (Node node : grid.lookupAll(".thumbnail-cell")) {
            if (node instanceof GridCell<?> cell && cell.getIndex() >= 0 && !cell.isEmpty() && shown(cell)
                    && cell.localToScene(cell.getLayoutBounds()).intersects(view)) {
                first = Math.min(first, cell.getIndex());
                last = Math.max(last, cell.getIndex());
            }
        }
        if (last >= 0) {
            feed.viewport(first, last);
        }
    }

    /** Visible all the way up to the grid (a row kept for reuse is hidden). */
    private boolean shown(Node cell) {
        for (Node n = cell; n != null && n != grid; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
