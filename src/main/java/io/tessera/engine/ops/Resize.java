package io.tessera.engine.ops;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Scaling: {@code thumbnail:N} fits the image in an N×N box (never enlarging); {@code resize:w=W},
 * {@code resize:h=H}, {@code resize:w=W,h=H} (exact) or {@code resize:scale=S}, with {@code filter=}
 * fast (bilinear, one pass), smooth (bicubic, one pass) or quality (default: halving steps, then bicubic,
 * which keeps fine detail from aliasing on large reductions).
 */
public record Resize(Mode mode, int width, int height, double scale, Filter filter) implements ImageOp {
    public static final int MAX_SIDE = 20_000;

    public enum Mode { FIT, EXACT, SCALE }

    public enum Filter { FAST, SMOOTH, QUALITY }

    public static Resize thumbnail(int box) {
        return new Resize(Mode.FIT, box, box, 0, Filter.QUALITY);
    }

    static ImageOp parse(String name, OpArgs args) {
        Filter filter = Filter.QUALITY;
        if (args.has("filter")) {
            try {
                filter = Filter.valueOf(args.named("filter").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new OpSpecException(name + ": filter must be fast, smooth or quality, not '" + args.named("filter") + "'");
            }
        }
        if (name.equals("thumbnail")) {
            args.only("filter");
            String box = args.positional() != null ? args.positional() : args.named("box");
            int side = args.integer("the box size", args.required("a box size, e.g. thumbnail:256", box), 1, MAX_SIDE);
            return new Resize(Mode.FIT, side, side, 0, filter);
        }
        args.only("w", "h", "scale", "filter").noPositional();
        if (args.has("scale")) {
            if (args.has("w") || args.has("h")) {
                throw new OpSpecException("resize: give either scale or w/h, not both");
            }
            return new Resize(Mode.SCALE, 0, 0, args.decimal("scale", args.named("scale"), 0.001, 16), filter);
        }
        if (!args.has("w") && !args.has("h")) {
            throw new OpSpecException("resize needs w=, h= or scale=, e.g. resize:w=800");
        }
        int w = args.has("w") ? args.integer("w", args.named("w"), 1, MAX_SIDE) : 0;
        int h = args.has("h") ? args.integer("h", args.named("h"), 1, MAX_SIDE) : 0;
        return new Resize(w > 0 && h > 0 ? Mode.EXACT : Mode.FIT, w, h, 0, filter);
    }

    @Override
    public String spec() {
        String f = filter == Filter.QUALITY ? "" : "filter=" + filter.name().toLowerCase(Locale.ROOT);
        String body = switch (mode) {
            case FIT -> width == height ? null : join(width > 0 ? "w=" + width : "", height > 0 ? "h=" + height : "");
            case EXACT -> "w=" + width + ",h=" + height;
            case SCALE -> "scale=" + scale;
        };
        if (body == null) {
            return "thumbnail:" + width + (f.isEmpty() ? "" : "," + f);
        }
        return "resize:" + join(body, f);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "," + b;
    }

    @Override
    public int boxHint() {
        return mode == Mode.SCALE ? 0 : Math.max(width, height);
    }

    @Override
    public BufferedImage apply(BufferedImage image, Context context) {
        int[] size = target(image.getWidth(), image.getHeight());
        return scaleTo(image, size[0], size[1], filter);
    }

    /** The output size for an input size. FIT never enlarges; a given side alone keeps the aspect ratio. */
    int[] target(int w, int h) {
        return switch (mode) {
            case EXACT -> new int[] {width, height};
            case SCALE -> new int[] {side(w * scale), side(h * scale)};
            case FIT -> {
                double byW = width > 0 ? (double) width / w : Double.MAX_VALUE;
                double byH = height > 0 ? (double) height / h : Double.MAX_VALUE;
                double s = Math.min(byW, byH);
                if (width == height) {
                    s = Math.min(1.0, s); // a thumbnail box never enlarges
                }
                yield new int[] {side(w * s), side(h * s)};
            }
        };
    }

    private static int side(double v) {
        return (int) Math.max(1, Math.min(MAX_SIDE, Math.round(v)));
    }

    static BufferedImage scaleTo(BufferedImage image, int w, int h, Filter filter) {
        BufferedImage current = image;
        if (filter == Filter.QUALITY) {
            // halve while more than twice too big: each step averages 2×2 pixels, so nothing is skipped
            while (current.getWidth() / 2 >= w && current.getHeight() / 2 >= h) {
                current = once(current, current.getWidth() / 2, current.getHeight() / 2, true);
            }
        }
        if (current.getWidth() == w && current.getHeight() == h) {
            return current;
        }
        return once(current, w, h, filter != Filter.FAST);
    }

    private static BufferedImage once(BufferedImage source, int w, int h, boolean smooth) {
        AffineTransform t = AffineTransform.getScaleInstance((double) w / source.getWidth(), (double) h / source.getHeight());
        return Canvas.draw(source, Canvas.like(source, w, h), t, smooth);
    }
}
