package io.tessera.engine.ops.reference;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** Blank images of the right kind and redraws into them: what several ops share. */
final class Canvas {
    private Canvas() {}

    /** An int-RGB(A) image of the given size, keeping alpha if the source has it. */
    static BufferedImage like(BufferedImage source, int width, int height) {
        boolean alpha = source.getColorModel().hasAlpha();
        return new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    }

    /** The source in a standard int-RGB(A) layout, so pixel loops need not care about indexed or grey images. */
    static BufferedImage rgb(BufferedImage source) {
        int type = source.getType();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB) {
            return source;
        }
        return draw(source, like(source, source.getWidth(), source.getHeight()), new AffineTransform(), false);
    }

    static BufferedImage draw(BufferedImage source, BufferedImage target, AffineTransform transform, boolean smooth) {
        Graphics2D g = target.createGraphics();
        try {
            if (smooth) {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            }
            g.drawImage(source, transform, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
