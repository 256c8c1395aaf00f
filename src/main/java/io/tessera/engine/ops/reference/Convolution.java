package io.tessera.engine.ops.reference;

import io.tessera.engine.ops.Blur;
import java.awt.image.BufferedImage;

/**
 * Separable and 3×3 convolutions on packed pixels with edge pixels repeated (no dark frame, unlike
 * java.awt's ConvolveOp, which leaves or zeroes the border).
 */
final class Convolution {
    private Convolution() {}

    /** Gaussian weights out to three standard deviations ({@link Blur#reach}), summing to 1. */
    static double[] gaussian(double sigma) {
        int r = Blur.reach(sigma);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** Runs {@code kernel} (odd length, centred) along rows, then along columns. */
    static BufferedImage separable(BufferedImage image, double[] kernel) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = Pixels.argb(image);
        int[] tmp = pass(px, w, h, kernel, true);
        return Pixels.image(image, pass(tmp, w, h, kernel, false));
    }

    private static int[] pass(int[] src, int w, int h, double[] k, boolean horizontal) {
        int[] out = new int[src.length];
        int r = k.length / 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = 0, red = 0, g = 0, b = 0;
                for (int i = -r; i <= r; i++) {
                    int sx = horizontal ? clamp(x + i, w) : x;
                    int sy = horizontal ? y : clamp(y + i, h);
                    int p = src[sy * w + sx];
                    double weight = k[i + r];
                    a += weight * (p >>> 24);
                    red += weight * ((p >> 16) & 0xFF);
                    g += weight * ((p >> 8) & 0xFF);
                    b += weight * (p & 0xFF);
                }
                out[y * w + x] = Pixels.pack(Pixels.clamp(a), Pixels.clamp(red), Pixels.clamp(g), Pixels.clamp(b));
            }
        }
        return out;
    }

    /** A 3×3 kernel (row-major) on each colour channel; alpha is kept. */
    static BufferedImage threeByThree(BufferedImage image, double[] k) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = Pixels.argb(image);
        int[] out = new int[px.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double red = 0, g = 0, b = 0;
                for (int j = -1; j <= 1; j++) {
                    for (int i = -1; i <= 1; i++) {
                        int p = px[clamp(y + j, h) * w + clamp(x + i, w)];
                        double weight = k[(j + 1) * 3 + i + 1];
                        red += weight * ((p >> 16) & 0xFF);
                        g += weight * ((p >> 8) & 0xFF);
                        b += weight * (p & 0xFF);
                    }
                }
                out[y * w + x] = Pixels.pack(px[y * w + x] >>> 24, Pixels.clamp(red), Pixels.clamp(g), Pixels.clamp(b));
            }
        }
        return Pixels.image(image, out);
    }

    static int clamp(int v, int size) {
        return v < 0 ? 0 : v >= size ? size - 1 : v;
    }
}
