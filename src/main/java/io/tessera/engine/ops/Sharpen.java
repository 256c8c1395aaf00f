package io.tessera.engine.ops;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import io.tessera.engine.images.NativeImage;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;

/** {@code sharpen} or {@code sharpen:A}: the image plus A (0.1-5, default 1) times its Laplacian detail; alpha kept. */
public record Sharpen(double amount) implements ImageOp {

    static Sharpen parse(OpArgs args) {
        args.only("amount");
        String a = args.positional() != null ? args.positional() : args.named("amount");
        return new Sharpen(a == null ? 1.0 : args.decimal("the amount", a, 0.1, 5));
    }

    @Override
    public String spec() {
        return amount == 1.0 ? "sharpen" : "sharpen:" + amount;
    }

    @Override
    public NativeImage apply(NativeImage image, Context context) {
        float a = (float) amount;
        Mat out = new Mat();
        try (FloatPointer weights = new FloatPointer(0, -a, 0, -a, 1 + 4 * a, -a, 0, -a, 0);
             Mat kernel = new Mat(3, 3, CV_32F, weights); Point centre = new Point(-1, -1)) {
            opencv_imgproc.filter2D(image.mat(), out, -1, kernel, centre, 0, BORDER_REPLICATE);
        }
        if (image.hasAlpha()) {
            try (Mat alpha = new Mat()) {
                opencv_core.extractChannel(image.mat(), alpha, 3);
                opencv_core.insertChannel(alpha, out, 3);
            }
        }
        return NativeImage.own(out);
    }
}
