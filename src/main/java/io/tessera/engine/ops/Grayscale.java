package io.tessera.engine.ops;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2GRAY;

import io.tessera.engine.images.NativeImage;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * {@code grayscale}: BT.601 luma. One channel (a grey JPEG or PNG is a third of the size, and every later op and
 * format takes it); with alpha, the luma in all three colour channels and the alpha kept.
 */
public record Grayscale() implements ImageOp {

    @Override
    public String spec() {
        return "grayscale";
    }

    @Override
    public NativeImage apply(NativeImage image, Context context) {
        if (image.isGrey()) {
            return image;
        }
        Mat luma = new Mat();
        opencv_imgproc.cvtColor(image.mat(), luma, image.hasAlpha() ? COLOR_BGRA2GRAY : COLOR_BGR2GRAY);
        if (!image.hasAlpha()) {
            return NativeImage.own(luma);
        }
        Mat bgra = new Mat();
        try (luma; Mat alpha = new Mat()) {
            opencv_core.extractChannel(image.mat(), alpha, 3);
            try (MatVector planes = new MatVector(luma, luma, luma, alpha)) {
                opencv_core.merge(planes, bgra);
            }
        }
        return NativeImage.own(bgra);
    }

    /** The luma of any image as a one-channel Mat for the caller to close (for grey input, a second handle on its pixels). */
    static Mat luma(NativeImage image) {
        if (image.isGrey()) {
            return new Mat(image.mat());
        }
        Mat luma = new Mat();
        opencv_imgproc.cvtColor(image.mat(), luma, image.hasAlpha() ? COLOR_BGRA2GRAY : COLOR_BGR2GRAY);
        return luma;
    }
}
