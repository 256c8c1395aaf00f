package io.tessera.engine.ops.reference;

import io.tessera.engine.ops.ColorStats;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The reference path's difference hash and colour statistics, on packed ARGB pixels. */
final class ReferenceAnalysis {
    private ReferenceAnalysis() {}

    /** 64 bits over a 9×8 grid of area-averaged luma: bit i set when a cell is brighter than its right neighbour. */
    static long dhash(BufferedImage image) {
        double[] cells = cellLuma(image, 9, 8);
        long bits = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                bits = (bits << 1) | (cells[y * 9 + x] > cells[y * 9 + x + 1] ? 1 : 0);
            }
        }
        return bits;
    }

    /** Mean luma of each cell of a cols×rows grid: each pixel counts in the cell its top-left corner falls in. */
    private static double[] cellLuma(BufferedImage image, int cols, int rows) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] sum = new double[cols * rows];
        long[] count = new long[cols * rows];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int cy = (int) ((long) y * rows / h);
            for (int x = 0; x < w; x++) {
                int cell = cy * cols + (int) ((long) x * cols / w);
                sum[cell] += Pixels.luma(row[x]);
                count[cell]++;
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] = count[i] == 0 ? 0 : sum[i] / count[i];
        }
        return sum;
    }

    static Map<String, Object> stats(BufferedImage image, int bins) {
        int[] px = Pixels.argb(image);
        long[][] hist = new long[3][bins];
        double[] sum = new double[3];
        double[] squares = new double[3];
        for (int p : px) {
            for (int c = 0; c < 3; c++) {
                int v = (p >> (16 - 8 * c)) & 0xFF;
                sum[c] += v;
                squares[c] += (double) v * v;
                hist[c][v * bins / 256]++;
            }
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("pixels", px.length);
        String[] names = {"r", "g", "b"};
        for (int c = 0; c < 3; c++) {
            double mean = sum[c] / px.length;
            double variance = Math.max(0, squares[c] / px.length - mean * mean);
            stats.put(names[c], ColorStats.channel(mean, Math.sqrt(variance), Arrays.stream(hist[c]).boxed().toList()));
        }
        return stats;
    }
}
