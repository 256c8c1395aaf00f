package io.tessera.engine.ops;

import java.awt.image.BufferedImage;
import java.util.HexFormat;

/**
 * {@code dhash}: a 64-bit difference hash for finding near-duplicates. The luma averaged over a 9×8 grid; bit i is
 * set when a pixel is brighter than its right neighbour. Resized or recompressed copies differ in a few
 * bits at most ({@link #distance}); unrelated images in about half. Puts {@code dhash} (16 hex digits) in the metrics.
 */
public record DHash() implements ImageOp {

    @Override
    public String spec() {
        return "dhash";
    }

    @Override
    public BufferedImage apply(BufferedImage image, Context context) {
        context.metrics().put("dhash", HexFormat.of().toHexDigits(hash(image)));
        return image;
    }

    public static long hash(BufferedImage image) {
        double[] cells = cellLuma(image, 9, 8);
        long bits = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                bits = (bits << 1) | (cells[y * 9 + x] > cells[y * 9 + x + 1] ? 1 : 0);
            }
        }
        return bits;
    }

    /** Mean luma of each cell of a cols×rows grid: a true area average, so the hash hardly depends on the input size. */
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

    /** How many of the 64 bits differ: 0-10 is "the same picture" for most photos. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
