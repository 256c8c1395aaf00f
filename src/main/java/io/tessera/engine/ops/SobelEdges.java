package io.tessera.engine.ops;

import java.awt.image.BufferedImage;

/** {@code edges}: the Sobel gradient magnitude of the luma, white edges on black. */
public record SobelEdges() implements ImageOp {

    @Override
    public String spec() {
        return "edges";
    }

    @Override
    public BufferedImage apply(BufferedImage image, Context context) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = Pixels.argb(image);
        int[] luma = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            luma[i] = Pixels.luma(px[i]);
        }
        int[] out = new int[px.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int gx = at(luma, w, h, x + 1, y - 1) + 2 * at(luma, w, h, x + 1, y) + at(luma, w, h, x + 1, y + 1)
                        - at(luma, w, h, x - 1, y - 1) - 2 * at(luma, w, h, x - 1, y) - at(luma, w, h, x - 1, y + 1);
                int gy = at(luma, w, h, x - 1, y + 1) + 2 * at(luma, w, h, x, y + 1) + at(luma, w, h, x + 1, y + 1)
                        - at(luma, w, h, x - 1, y - 1) - 2 * at(luma, w, h, x, y - 1) - at(luma, w, h, x + 1, y - 1);
                int m = Pixels.clamp(Math.hypot(gx, gy) / 4); // the largest gradient (4×255·√2) maps to about 255
                out[y * w + x] = Pixels.pack(0xFF, m, m, m);
            }
        }
        BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, w, h, out, 0, w);
        return result;
    }

    private static int at(int[] luma, int w, int h, int x, int y) {
        return luma[Convolution.clamp(y, h) * w + Convolution.clamp(x, w)];
    }
}
