package io.tessera.engine.ops;

import java.util.List;
import java.util.Locale;

/**
 * Text specs to ops: {@code thumbnail:256}, {@code resize:w=800}, {@code resize:scale=0.5,filter=fast},
 * {@code crop:x=0,y=0,w=100,h=100}, {@code rotate:90}, {@code flip:h}, {@code auto-orient}, {@code grayscale},
 * {@code blur:2.5}, {@code sharpen}, {@code edges}, {@code dhash}, {@code stats}, {@code exif}, and for measuring scale
 * {@code sleep:ms=20} and {@code spin:ms=20} ({@link ControlledCost}). Errors are {@link OpSpecException}s
 * that say what was wrong and what a correct spec looks like.
 */
public final class OpSpec {
    public static final List<String> NAMES = List.of("thumbnail", "resize", "crop", "rotate", "flip", "auto-orient",
            "grayscale", "blur", "sharpen", "edges", "dhash", "stats", "exif", "sleep", "spin");

    private OpSpec() {}

    public static ImageOp parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new OpSpecException("an empty op; known ops: " + String.join(", ", NAMES));
        }
        String text = spec.strip();
        int colon = text.indexOf(':');
        String name = (colon < 0 ? text : text.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        OpArgs args = OpArgs.of(name, colon < 0 ? "" : text.substring(colon + 1));
        return switch (name) {
            case "thumbnail", "resize" -> Resize.parse(name, args);
            case "crop" -> Crop.parse(args);
            case "rotate", "flip", "auto-orient" -> Orient.parse(name, args);
            case "grayscale", "greyscale" -> plain(args, new Grayscale());
            case "blur" -> Blur.parse(args);
            case "sharpen" -> Sharpen.parse(args);
            case "edges", "sobel" -> plain(args, new SobelEdges());
            case "dhash" -> plain(args, new DHash());
            case "stats" -> ColorStats.parse(args);
            case "exif" -> plain(args, new ExifFields());
            case "sleep" -> ControlledCost.parse(ControlledCost.Kind.SLEEP, args);
            case "spin" -> ControlledCost.parse(ControlledCost.Kind.SPIN, args);
            case "format" -> throw new OpSpecException("format: is the pipeline's output format, not an image op; give it as the pipeline's format");
            default -> throw new OpSpecException("unknown op '" + name + "'; known ops: " + String.join(", ", NAMES));
        };
    }

    private static ImageOp plain(OpArgs args, ImageOp op) {
        args.only().noPositional();
        return op;
    }
}
