package io.tessera.engine.ops.reference;

import java.awt.image.BufferedImage;

/** Packed ARGB pixel arrays in and out, and luma, for the ops that work per pixel. */
final class Pixels {
    private Pixels() {}

    static int[] argb(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    static BufferedImage image(BufferedImage like, int[] argb) {
        BufferedImage out = Canvas.like(like, like.getWidth(), like.getHeight());
        out.setRGB(0, 0, like.getWidth(), like.getHeight(), argb, 0, like.getWidth());
        return out;
    }

    /** ITU-R BT.601 luma of a packed pixel, 0-255. */
    static int luma(int argb) {
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        return (r * 299 + g * 587 + b * 114 + 500) / 1000;
    }

    static int clamp(double v) {
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) Math.round(v);
    }

    static int pack(int alpha, int r, int g, int b) {
        return (alpha << 24) | (r << 16) | (g << 8) | b;
    }
}
