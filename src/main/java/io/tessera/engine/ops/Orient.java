package io.tessera.engine.ops;

import io.tessera.engine.images.NativeImage;
import io.tessera.engine.images.Transforms;

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
    public NativeImage apply(NativeImage image, Context context) {
        return switch (kind) {
            case ROTATE -> degrees == 0 ? image : Transforms.rotate(image, degrees);
            case FLIP_H -> Transforms.flip(image, true);
            case FLIP_V -> Transforms.flip(image, false);
            case AUTO -> Transforms.upright(image, context.exifOrientation());
        };
    }
}
