package io.tessera.engine.ops;

import java.awt.image.BufferedImage;

/** {@code grayscale}: luma in all three channels (alpha kept), so later ops and every output format see RGB. */
public record Grayscale() implements ImageOp {

    @Override
    public String spec() {
        return "grayscale";
    }

    @Override
    public BufferedImage apply(BufferedImage image, Context context) {
        int[] px = Pixels.argb(image);
        for (int i = 0; i < px.length; i++) {
            int y = Pixels.luma(px[i]);
            px[i] = Pixels.pack(px[i] >>> 24, y, y, y);
        }
        return Pixels.image(image, px);
    }
}
