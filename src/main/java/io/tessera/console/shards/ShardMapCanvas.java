package io.tessera.console.shards;

import io.tessera.console.common.Formats;
import io.tessera.engine.shard.ShardRecord;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * The shard map's drawing surface: one Canvas, every tile a filled rectangle. A change redraws the
 * canvas once per pulse (thousands of rectangles take a few milliseconds); no Node per shard.
 */
final class ShardMapCanvas extends Region {
    private static final Color GROUP_TEXT = Color.web("#6e7781");
    private static final Color GROUP_LINE = Color.web("#8c959f", 0.55);
    private final ShardMapViewModel viewModel;
    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private TileLayout layout;
    private boolean layoutStale = true;
    private int hovered = -1;

    ShardMapCanvas(ShardMapViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("shard-map-canvas");
        getChildren().add(canvas);
        viewModel.revision().addListener((obs, old, now) -> draw());
        viewModel.layoutRevision().addListener((obs, old, now) -> {
            layoutStale = true;
            draw();
        });
        viewModel.selected().addListener((obs, old, now) -> draw());
        canvas.setOnMouseClicked(event -> viewModel.selectShard(layout == null ? -1 : layout.tileAt(event.getX(), event.getY())));
        tooltip.setShowDelay(Duration.millis(250));
        Tooltip.install(canvas, tooltip);
        canvas.setOnMouseMoved(event -> hover(layout == null ? -1 : layout.tileAt(event.getX(), event.getY())));
    }

    @Override
    protected void layoutChildren() {
        double width = Math.floor(getWidth());
        double height = Math.floor(getHeight());
        if (width != canvas.getWidth() || height != canvas.getHeight()) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            layoutStale = true;
            draw();
        }
    }

    /** The layout drawn last (tests find tiles with it). */
    TileLayout tiles() {
        return layout;
    }

    Canvas canvas() {
        return canvas;
    }

    private void draw() {
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        if (layoutStale || layout == null || layout.size() != viewModel.shardCount()) {
            layout = viewModel.layout(width, height);
            layoutStale = false;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        drawBlocks(g);
        ShardRecord selected = viewModel.selected().get();
        for (int i = 0; i < layout.size(); i++) {
            ShardRecord shard = viewModel.shard(i);
            if (shard != null) {
                drawTile(g, i, shard);
            }
        }
        if (selected != null && selected.index() < layout.size()) {
            int i = selected.index();
            g.setStroke(Color.web("#0969da"));
            g.setLineWidth(2);
            g.strokeRect(layout.x(i) - 1, layout.y(i) - 1, layout.width(i) + 1, layout.height(i) + 1);
        }
        if (hovered >= 0) {
            hover(hovered);
        }
    }

    private void drawBlocks(GraphicsContext g) {
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (TileLayout.Block block : layout.blocks()) {
            g.setStroke(GROUP_LINE);
            g.setLineWidth(1);
            g.strokeRect(block.x() + 0.5, block.y() + 0.5, block.width() - 1, block.height() - 1);
            if (block.height() > TileLayout.HEADER * 2) {
                g.setFill(GROUP_TEXT);
                g.fillText(block.label() + "  ·  " + Formats.number(block.tiles()), block.x() + 6, block.y() + TileLayout.HEADER / 2, block.width() - 12);
            }
        }
    }

    private void drawTile(GraphicsContext g, int i, ShardRecord shard) {
        double x = layout.x(i);
        double y = layout.y(i);
        double w = layout.width(i);
        double h = layout.height(i);
        // A one-pixel seam on the right and bottom keeps neighbours apart without eating small tiles.
        double seam = w > 3 && h > 3 ? 1 : 0;
        g.setFill(ShardColors.fill(shard.state()));
        g.fillRect(x, y, Math.max(0.5, w - seam), Math.max(0.5, h - seam));
        if (w >= 48 && h >= 30) {
            g.setFill(ShardColors.text(shard.state()));
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(Font.font(10.5));
            g.fillText(String.format("#%05d", shard.index()), x + 5, y + 10, w - 8);
            if (shard.owner() != null && h >= 40) {
                g.fillText(shard.owner(), x + 5, y + 23, w - 8);
            }
        }
    }

    private void hover(int tile) {
        hovered = tile;
        ShardRecord shard = tile >= 0 && tile < viewModel.shardCount() ? viewModel.shard(tile) : null;
        tooltip.setText(shard == null ? "" : String.format("Shard %05d · %s · %s · %s images · %s", shard.index(), ShardColors.title(shard.state()),
                shard.owner() == null ? "no owner" : shard.owner(), Formats.number(shard.images()), Formats.size(shard.bytes())));
        if (shard == null) {
            tooltip.hide();
        }
    }
}
