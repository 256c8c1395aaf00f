package io.tessera.engine.ops.reference;

import io.tessera.engine.images.Dimensions;
import io.tessera.engine.ops.Crop;
import io.tessera.engine.ops.Resize;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** The reference path's scaling, cropping, turning and mirroring, on Java2D. */
final class ReferenceGeometry {
    private ReferenceGeometry() {}

    static BufferedImage resize(BufferedImage image, Resize resize) {
        Dimensions size = resize.target(image.getWidth(), image.getHeight());
        return scaleTo(image, size.width(), size.height(), resize.filter());
    }

    /** fast: one bilinear pass; smooth: one bicubic pass; quality: halving steps while more than twice too big, then bicubic. */
    static BufferedImage scaleTo(BufferedImage image, int w, int h, Resize.Filter filter) {
        BufferedImage current = image;
        if (filter == Resize.Filter.QUALITY) {
            // halve while more than twice too big: each step averages 2×2 pixels, so nothing is skipped
            while (current.getWidth() / 2 >= w && current.getHeight() / 2 >= h) {
                current = once(current, current.getWidth() / 2, current.getHeight() / 2, true);
            }
        }
        if (current.getWidth() == w && current.getHeight() == h) {
            return current;
        }
        return once(current, w, h, filter != Resize.Filter.FAST);
    }

    private static BufferedImage once(BufferedImage source, int w, int h, boolean smooth) {
        AffineTransform t = AffineTransform.getScaleInstance((double) w / source.getWidth(), (double) h / source.getHeight());
        return Canvas.draw(source, Canvas.like(source, w, h), t, smooth);
    }

    static BufferedImage crop(BufferedImage image, Crop crop) {
        Crop.Area area = crop.within(image.getWidth(), image.getHeight());
        BufferedImage out = Canvas.like(image, area.width(), area.height());
        // a copy, not getSubimage: the view would pin the whole source raster in memory
        return Canvas.draw(image.getSubimage(area.x(), area.y(), area.width(), area.height()), out, new AffineTransform(), false);
    }

    /** EXIF orientations: 2 mirror, 3 half turn, 4 vertical mirror, 5 transpose, 6 quarter right, 7 transverse, 8 quarter left. */
    static BufferedImage exif(BufferedImage image, int orientation) {
        return switch (orientation) {
            case 2 -> flip(image, true);
            case 3 -> rotate(image, 180);
            case 4 -> flip(image, false);
            case 5 -> flip(rotate(image, 90), true);
            case 6 -> rotate(image, 90);
            case 7 -> flip(rotate(image, 270), true);
            case 8 -> rotate(image, 270);
            default -> image;
        };
    }

    static BufferedImage rotate(BufferedImage image, int degrees) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean quarter = degrees == 90 || degrees == 270;
        AffineTransform t = new AffineTransform();
        switch (degrees) {
            case 90 -> { t.translate(h, 0); t.quadrantRotate(1); }
            case 180 -> { t.translate(w, h); t.quadrantRotate(2); }
            case 270 -> { t.translate(0, w); t.quadrantRotate(3); }
            default -> { return image; }
        }
        return Canvas.draw(image, Canvas.like(image, quarter ? h : w, quarter ? w : h), t, false);
    }

    static BufferedImage flip(BufferedImage image, boolean horizontal) {
        AffineTransform t = horizontal
                ? new AffineTransform(-1, 0, 0, 1, image.getWidth(), 0)
                : new AffineTransform(1, 0, 0, -1, 0, image.getHeight());
        return Canvas.draw(image, Canvas.like(image, image.getWidth(), image.getHeight()), t, false);
    }
}
