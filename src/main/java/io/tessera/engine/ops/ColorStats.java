package io.tessera.engine.ops;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stats} or {@code stats:bins=B}: per channel (r, g, b) the mean, standard deviation and a histogram
 * of B bins (default 16, 2-256), plus the pixel count; all in the metrics under {@code stats}.
 */
public record ColorStats(int bins) implements ImageOp {

    static ColorStats parse(OpArgs args) {
        args.only("bins").noPositional();
        return new ColorStats(args.has("bins") ? args.integer("bins", args.named("bins"), 2, 256) : 16);
    }

    @Override
    public String spec() {
        return bins == 16 ? "stats" : "stats:bins=" + bins;
    }

    @Override
    public BufferedImage apply(BufferedImage image, Context context) {
        context.metrics().put("stats", measure(image, bins));
        return image;
    }

    public record Channel(double mean, double stddev, List<Long> histogram) {}

    public static Map<String, Object> measure(BufferedImage image, int bins) {
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
            stats.put(names[c], new Channel(round(mean), round(Math.sqrt(variance)), java.util.Arrays.stream(hist[c]).boxed().toList()));
        }
        return stats;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
