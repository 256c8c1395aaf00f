package io.tessera.engine.ops;

import static org.bytedeco.opencv.global.opencv_core.ALGO_HINT_ACCURATE;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;

import io.tessera.engine.images.NativeImage;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * {@code blur:R}: a gaussian blur with standard deviation R pixels (0.1-50), out to three standard deviations,
 * edge pixels repeated (no dark frame); every channel, alpha included.
 */
public record Blur(double radius) implements ImageOp {

    static Blur parse(OpArgs args) {
        args.only("radius");
        String r = args.positional() != null ? args.positional() : args.named("radius");
        return new Blur(args.decimal("the radius", args.required("a radius, e.g. blur:2.5", r), 0.1, 50));
    }

    @Override
    public String spec() {
        return "blur:" + radius;
    }

    /** How many pixels the kernel reaches on each side: three standard deviations. */
    public static int reach(double sigma) {
        return Math.max(1, (int) Math.ceil(3 * sigma));
    }

    @Override
    public NativeImage apply(NativeImage image, Context context) {
        int size = 2 * reach(radius) + 1;
        Mat out = new Mat();
        try (Size kernel = new Size(size, size)) {
            opencv_imgproc.GaussianBlur(image.mat(), out, kernel, radius, radius, BORDER_REPLICATE, ALGO_HINT_ACCURATE);
        }
        return NativeImage.own(out);
    }
}
