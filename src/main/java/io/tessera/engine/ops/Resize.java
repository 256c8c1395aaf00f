package io.tessera.engine.ops;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;

import io.tessera.engine.images.Dimensions;
import io.tessera.engine.images.NativeImage;
import io.tessera.engine.images.Transforms;
import java.util.Locale;
import java.util.Optional;

/**
 * Scaling: {@code thumbnail:N} fits the image in an N×N box (never enlarging); {@code resize:w=W},
 * {@code resize:h=H}, {@code resize:w=W,h=H} (exact) or {@code resize:scale=S}, with {@code filter=}
 * fast (bilinear, one pass), smooth (bicubic, one pass) or quality (default: an area average for reductions of
 * twofold and more, so they do not alias, bicubic otherwise).
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

    /** A box or a given size can be decoded towards; a scale factor keeps full resolution, as asked. */
    @Override
    public Optional<Dimensions> scalesTo(Dimensions source) {
        return mode == Mode.SCALE ? Optional.empty() : Optional.of(target(source.width(), source.height()));
    }

    @Override
    public NativeImage apply(NativeImage image, Context context) {
        Dimensions to = target(image.width(), image.height());
        if (to.equals(image.size())) {
            return image;
        }
        return Transforms.resize(image, to, interpolation(filter, image.size(), to));
    }

    /** The output size for an input size. FIT never enlarges a box; a given side alone keeps the aspect ratio. */
    public Dimensions target(int w, int h) {
        return switch (mode) {
            case EXACT -> new Dimensions(width, height);
            case SCALE -> new Dimensions(side(w * scale), side(h * scale));
            case FIT -> {
                double byW = width > 0 ? (double) width / w : Double.MAX_VALUE;
                double byH = height > 0 ? (double) height / h : Double.MAX_VALUE;
                double s = Math.min(byW, byH);
                if (width == height) {
                    s = Math.min(1.0, s); // a thumbnail box never enlarges
                }
                yield new Dimensions(side(w * s), side(h * s));
            }
        };
    }

    /**
     * fast: bilinear; smooth: bicubic; quality: OpenCV's area average when both sides shrink at least twofold
     * (every source pixel counts, so large reductions do not alias), bicubic otherwise (mild reductions stay
     * crisp, enlargements smooth). The old Java path did the same with halving steps, then one bicubic pass.
     */
    static int interpolation(Filter filter, Dimensions from, Dimensions to) {
        boolean halvable = from.width() >= 2L * to.width() && from.height() >= 2L * to.height();
        return switch (filter) {
            case FAST -> INTER_LINEAR;
            case SMOOTH -> INTER_CUBIC;
            case QUALITY -> halvable ? INTER_AREA : INTER_CUBIC;
        };
    }

    private static int side(double v) {
        return (int) Math.max(1, Math.min(MAX_SIDE, Math.round(v)));
    }
}
