package io.tessera.engine.ops;

import java.awt.Color;
import java.awt.Graphics2D;
import io.tessera.engine.images.NativeImage;
import io.tessera.testing.NativePixels;
import java.awt.image.BufferedImage;

/** Small generated pictures for op tests: gradients, shapes, noise, a hard edge. */
final class Scenes {
    private Scenes() {}

    /** A colourful scene: gradient sky, a dark disc, a bright bar; reproducible. */
    static BufferedImage scene(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, new Color(x * 255 / w, y * 255 / h, 128).getRGB());
            }
        }
        Graphics2D g = image.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillOval(w / 5, h / 5, w / 2, h / 2);
        g.setColor(Color.YELLOW);
        g.fillRect(w / 2, h * 2 / 3, w / 3, h / 8);
        g.dispose();
        return image;
    }

    /** Another scene, unrelated in structure: checks and stripes. */
    static BufferedImage other(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean on = ((x * 7 / w) + (y * 5 / h)) % 2 == 0;
                image.setRGB(x, y, on ? 0xF0E0D0 : (x * 3 + y) % 256 << 8);
            }
        }
        return image;
    }

    /** Left half black, right half white. */
    static BufferedImage edge(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = w / 2; x < w; x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        return image;
    }

    /** Every pixel 0 or 255 at random (fixed seed): maximal local contrast. */
    static BufferedImage noise(int w, int h) {
        java.util.Random random = new java.util.Random(7);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextBoolean() ? 0xFFFFFF : 0);
            }
        }
        return image;
    }

    /** Runs a native op on a Java image, for assertions on pixels: the image goes native and the result comes back. */
    static BufferedImage apply(ImageOp op, BufferedImage image, ImageOp.Context context) {
        try (NativeImage in = NativePixels.of(image); NativeImage out = op.apply(in, context)) {
            return out.toBufferedImage();
        }
    }

    static BufferedImage apply(String spec, BufferedImage image) {
        return apply(OpSpec.parse(spec), image, context());
    }

    static ImageOp.Context context() {
        return new ImageOp.Context(1, new java.util.HashMap<>());
    }

    /** Mean absolute difference of each pixel's luma from its right neighbour: how "busy" an image is. */
    static double roughness(BufferedImage image) {
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x + 1 < image.getWidth(); x++) {
                sum += Math.abs(luma(image.getRGB(x, y)) - luma(image.getRGB(x + 1, y)));
            }
        }
        return sum / (image.getHeight() * (image.getWidth() - 1));
    }

    static int luma(int rgb) {
        return ((rgb >> 16 & 0xFF) * 299 + (rgb >> 8 & 0xFF) * 587 + (rgb & 0xFF) * 114 + 500) / 1000;
    }
}
