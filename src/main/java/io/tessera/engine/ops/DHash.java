package io.tessera.engine.ops;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.REDUCE_SUM;

import io.tessera.engine.images.NativeImage;
import java.util.HexFormat;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * {@code dhash}: a 64-bit difference hash for finding near-duplicates. The luma averaged over a 9×8 grid (each pixel
 * counts in the cell its top-left corner falls in); bit i is set when a cell is brighter than its right neighbour.
 * Resized or recompressed copies differ in a few bits at most ({@link #distance}); unrelated images in about half.
 * Puts {@code dhash} (16 hex digits) in the metrics.
 */
public record DHash() implements ImageOp {
    private static final int COLS = 9;
    private static final int ROWS = 8;

    @Override
    public String spec() {
        return "dhash";
    }

    @Override
    public NativeImage apply(NativeImage image, Context context) {
        context.metrics().put("dhash", HexFormat.of().toHexDigits(hash(image)));
        return image;
    }

    public static long hash(NativeImage image) {
        double[] cells = cellLuma(image);
        long bits = 0;
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLS - 1; x++) {
                bits = (bits << 1) | (cells[y * COLS + x] > cells[y * COLS + x + 1] ? 1 : 0);
            }
        }
        return bits;
    }

    /** Mean luma per cell: per band of rows, the column sums (one native pass), then added up per band of columns. */
    private static double[] cellLuma(NativeImage image) {
        int w = image.width();
        int h = image.height();
        double[] cells = new double[COLS * ROWS];
        double[] columns = new double[w];
        try (Mat luma = Grayscale.luma(image)) {
            for (int row = 0; row < ROWS; row++) {
                int top = start(row, h, ROWS);
                int bottom = start(row + 1, h, ROWS);
                if (bottom <= top) {
                    continue;
                }
                try (Mat band = luma.rowRange(top, bottom); Mat sums = new Mat()) {
                    opencv_core.reduce(band, sums, 0, REDUCE_SUM, CV_64F);
                    try (DoubleIndexer sum = sums.createIndexer()) {
                        sum.get(0, 0, columns);
                    }
                }
                for (int col = 0; col < COLS; col++) {
                    int left = start(col, w, COLS);
                    int right = start(col + 1, w, COLS);
                    double total = 0;
                    for (int x = left; x < right; x++) {
                        total += columns[x];
                    }
                    long count = (long) (right - left) * (bottom - top);
                    cells[row * COLS + col] = count == 0 ? 0 : total / count;
                }
            }
        }
        return cells;
    }

    /** The first pixel of cell {@code i} of {@code n} over {@code size} pixels: the least p with p·n/size ≥ i. */
    private static int start(int i, int size, int n) {
        return (int) (((long) i * size + n - 1) / n);
    }

    /** How many of the 64 bits differ: 0-10 is "the same picture" for most photos. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
