package io.tessera.engine.ops;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import io.tessera.engine.images.NativeImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * {@code stats} or {@code stats:bins=B}: per channel (r, g, b) the mean, standard deviation and a histogram
 * of B bins (default 16, 2-256), plus the pixel count; all in the metrics under {@code stats}. Alpha is not
 * counted; a grey image has three equal channels.
 */
public record ColorStats(int bins) implements ImageOp {
    /** calcHist counts in floats: exact up to 2^24 per bin, so large images are counted in bands of rows. */
    private static final long BAND_PIXELS = 1 << 24;

    static ColorStats parse(OpArgs args) {
        args.only("bins").noPositional();
        return new ColorStats(args.has("bins") ? args.integer("bins", args.named("bins"), 2, 256) : 16);
    }

    @Override
    public String spec() {
        return bins == 16 ? "stats" : "stats:bins=" + bins;
    }

    @Override
    public NativeImage apply(NativeImage image, Context context) {
        context.metrics().put("stats", measure(image, bins));
        return image;
    }

    public record Channel(double mean, double stddev, List<Long> histogram) {}

    /** A channel's figures as they go into the metrics: moments rounded to two decimals. */
    public static Channel channel(double mean, double stddev, List<Long> histogram) {
        return new Channel(round(mean), round(stddev), histogram);
    }

    public static Map<String, Object> measure(NativeImage image, int bins) {
        long[][] counts = counts(image);
        Map<String, Object> stats = new LinkedHashMap<>();
        long pixels = (long) image.width() * image.height();
        stats.put("pixels", (int) pixels);
        String[] names = {"r", "g", "b"};
        for (int c = 0; c < 3; c++) {
            long[] values = counts[image.isGrey() ? 0 : 2 - c]; // BGR order in memory
            double sum = 0;
            double squares = 0;
            long[] histogram = new long[bins];
            for (int v = 0; v < 256; v++) {
                sum += (double) v * values[v];
                squares += (double) v * v * values[v];
                histogram[v * bins / 256] += values[v];
            }
            double mean = sum / pixels;
            double variance = Math.max(0, squares / pixels - mean * mean);
            List<Long> bars = new ArrayList<>(bins);
            for (long n : histogram) {
                bars.add(n);
            }
            stats.put(names[c], channel(mean, Math.sqrt(variance), bars));
        }
        return stats;
    }

    /** How many pixels have each value, per stored channel (alpha left out). */
    private static long[][] counts(NativeImage image) {
        int channels = Math.min(3, image.channels());
        long[][] counts = new long[channels][256];
        int rowsPerBand = (int) Math.max(1, BAND_PIXELS / image.width());
        float[] bins = new float[256];
        for (int top = 0; top < image.height(); top += rowsPerBand) {
            try (Mat band = image.mat().rowRange(top, Math.min(image.height(), top + rowsPerBand))) {
                for (int c = 0; c < channels; c++) {
                    try (Mat hist = new Mat(); Mat noMask = new Mat()) {
                        opencv_imgproc.calcHist(band, 1, new int[] {c}, noMask, hist, 1, new int[] {256}, new float[] {0, 256});
                        try (FloatIndexer values = hist.createIndexer()) {
                            values.get(0, 0, bins);
                        }
                    }
                    for (int v = 0; v < 256; v++) {
                        counts[c][v] += (long) bins[v];
                    }
                }
            }
        }
        return counts;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
