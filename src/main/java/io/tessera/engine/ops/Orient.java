package io.tessera.engine.ops;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Quarter turns and mirrors: {@code rotate:90|180|270} (clockwise), {@code flip:h|v}, and {@code auto-orient},
 * which applies the source's EXIF orientation (1-8) so the image is upright without the tag.
 */
public record Orient(Kind kind, int degrees) implements ImageOp {

    public enum Kind { ROTATE, FLIP_H, FLIP_V, AUTO }

    static Orient parse(String name, OpArgs args) {
        args.only();
        return switch (name) {
            case "rotate" -> {
                int d = args.integer("the angle", args.required("an angle, e.g. rotate:90", args.positional()), 0, 359);
                if (d % 90 != 0) {
                    throw new OpSpecException("rotate: the angle must be 90, 180 or 270, not " + d);
                }
                yield new Orient(Kind.ROTATE, d);
            }
            case "flip" -> switch (String.valueOf(args.positional())) {
                case "h", "horizontal" -> new Orient(Kind.FLIP_H, 0);
                case "v", "vertical" -> new Orient(Kind.FLIP_V, 0);
                default -> throw new OpSpecException("flip: give h or v (flip:h mirrors left-right), not '" + args.positional() + "'");
            };
            default -> {
                args.noPositional();
                yield new Orient(Kind.AUTO, 0);
            }
        };
    }

    @Override
    public String spec() {
        return switch (kind) {
            case ROTATE -> "rotate:" + degrees;
            case FLIP_H -> "flip:h";
            case FLIP_V -> "flip:v";
            case AUTO -> "auto-orient";
        };
    }

    @Override
    public BufferedImage apply(BufferedImage image, Context context) {
        return switch (kind) {
            case ROTATE -> rotate(image, degrees);
            case FLIP_H -> flip(image, true);
            case FLIP_V -> flip(image, false);
            case AUTO -> exif(image, context.exifOrientation());
        };
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
