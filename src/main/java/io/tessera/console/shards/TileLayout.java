package io.tessera.console.shards;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each shard's tile goes: an ordered strip treemap (rows of tiles in shard order, each tile's
 * area proportional to its weight, rows chosen to keep tiles close to square), optionally inside one
 * labelled block per group (owner). Pure arithmetic, no Nodes: the canvas draws it, tests check it.
 */
public final class TileLayout {
    /** A group's block; its tiles start {@code HEADER} below its top. */
    public record Block(String label, double x, double y, double width, double height, int tiles) {}

    static final double HEADER = 18;

    private final double[] x;
    private final double[] y;
    private final double[] w;
    private final double[] h;
    private final List<Block> blocks;

    private TileLayout(int n, List<Block> blocks) {
        this.x = new double[n];
        this.y = new double[n];
        this.w = new double[n];
        this.h = new double[n];
        this.blocks = blocks;
    }

    /**
     * @param weights one per tile, in order (bytes); tiny weights are raised so every tile stays visible
     * @param groups  one label per tile, or null for a single block; blocks are in label order
     */
    public static TileLayout compute(double[] weights, String[] groups, double width, double height) {
        int n = weights.length;
        double[] weight = visibleWeights(weights);
        List<Block> blocks = new ArrayList<>();
        TileLayout layout;
        if (groups == null) {
            layout = new TileLayout(n, blocks);
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            layout.strips(all, weight, 0, 0, width, height, true);
            return layout;
        }
        java.util.TreeMap<String, List<Integer>> members = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            members.computeIfAbsent(groups[i], k -> new ArrayList<>()).add(i);
        }
        // First the blocks, as tiles of their total weight; then each block's tiles inside it.
        String[] labels = members.keySet().toArray(String[]::new);
        double[] totals = new double[labels.length];
        int[] order = new int[labels.length];
        for (int g = 0; g < labels.length; g++) {
            order[g] = g;
            for (int i : members.get(labels[g])) {
                totals[g] += weight[i];
            }
        }
        TileLayout outer = new TileLayout(labels.length, List.of());
        outer.strips(order, totals, 0, 0, width, height, false);
        layout = new TileLayout(n, blocks);
        for (int g = 0; g < labels.length; g++) {
            int[] tiles = members.get(labels[g]).stream().mapToInt(Integer::intValue).toArray();
            double bx = outer.x[g] + 2;
            double by = outer.y[g] + 2;
            double bw = Math.max(0, outer.w[g] - 4);
            double bh = Math.max(0, outer.h[g] - 4);
            blocks.add(new Block(labels[g], bx, by, bw, bh, tiles.length));
            double header = bh > HEADER * 2 ? HEADER : 0;
            layout.strips(tiles, weight, bx, by + header, bw, bh - header, true);
        }
        return layout;
    }

    private static double[] visibleWeights(double[] weights) {
        double total = 0;
        for (double v : weights) {
            total += Math.max(0, v);
        }
        double floor = weights.length == 0 || total == 0 ? 1 : total / weights.length / 20;
        double[] result = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            result[i] = Math.max(floor, weights[i]);
        }
        return result;
    }

    /**
     * Bederson's strip treemap: fill rows left to right, close a row when one more tile would make its tiles
     * less square. With {@code keepLastRow}, a short last row keeps the height of the row above (left-aligned,
     * not stretched into a sliver across the whole width) and the scale shrinks until everything fits;
     * without it (owner blocks), the rows fill the area exactly.
     */
    private void strips(int[] items, double[] weight, double left, double top, double width, double height, boolean keepLastRow) {
        if (items.length == 0 || width <= 0 || height <= 0) {
            return;
        }
        double total = 0;
        for (int i : items) {
            total += weight[i];
        }
        double scale = width * height / total;
        for (int attempt = 0; attempt < 4; attempt++) {
            double used = stripsAtScale(items, weight, left, top, width, scale, keepLastRow);
            if (used <= height + 0.5) {
                return;
            }
            scale *= height / used;
        }
    }

    /** One pass at a given scale (area per unit of weight); returns the height used. */
    private double stripsAtScale(int[] items, double[] weight, double left, double top, double width, double scale, boolean keepLastRow) {
        double rowTop = top;
        double previousHeight = 0;
        int start = 0;
        while (start < items.length) {
            int end = start + 1;
            double rowWeight = weight[items[start]];
            double worst = worstAspect(items, weight, start, end, rowWeight, scale, width);
            while (end < items.length) {
                double next = worstAspect(items, weight, start, end + 1, rowWeight + weight[items[end]], scale, width);
                if (next > worst) {
                    break;
                }
                rowWeight += weight[items[end]];
                worst = next;
                end++;
            }
            double rowHeight = rowWeight * scale / width;
            if (keepLastRow && end == items.length && rowHeight < previousHeight * 0.6) {
                rowHeight = previousHeight;
            }
            double cursor = left;
            for (int k = start; k < end; k++) {
                int i = items[k];
                double tileWidth = weight[i] * scale / rowHeight;
                x[i] = cursor;
                y[i] = rowTop;
                w[i] = tileWidth;
                h[i] = rowHeight;
                cursor += tileWidth;
            }
            rowTop += rowHeight;
            previousHeight = rowHeight;
            start = end;
        }
        return rowTop - top;
    }

    private static double worstAspect(int[] items, double[] weight, int from, int to, double rowWeight, double scale, double width) {
        double rowHeight = rowWeight * scale / width;
        double worst = 0;
        for (int k = from; k < to; k++) {
            double tileWidth = weight[items[k]] * scale / rowHeight;
            worst = Math.max(worst, Math.max(tileWidth / rowHeight, rowHeight / tileWidth));
        }
        return worst;
    }

    public int size() {
        return x.length;
    }

    public double x(int tile) {
        return x[tile];
    }

    public double y(int tile) {
        return y[tile];
    }

    public double width(int tile) {
        return w[tile];
    }

    public double height(int tile) {
        return h[tile];
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** The tile under a point, or -1. */
    public int tileAt(double px, double py) {
        for (int i = 0; i < x.length; i++) {
            if (px >= x[i] && px < x[i] + w[i] && py >= y[i] && py < y[i] + h[i]) {
                return i;
            }
        }
        return -1;
    }
}
