package io.tessera.engine.images;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/** Peak signal-to-noise ratio of two images of one size, compared as BGR (grey expanded, alpha ignored); 100 when equal. */
public final class Psnr {
    private Psnr() {}

    public static double of(NativeImage a, NativeImage b) {
        if (!a.size().equals(b.size())) {
            throw new AssertionError("sizes differ: " + a.size() + " and " + b.size());
        }
        try (Mat x = bgr(a.mat()); Mat y = bgr(b.mat())) {
            double psnr = opencv_core.PSNR(x, y);
            return Double.isInfinite(psnr) || psnr > 100 ? 100 : psnr;
        }
    }

    /** PSNR of what a viewer sees: transparent images flattened onto white first, so hidden colour does not count. */
    public static double visible(NativeImage a, NativeImage b) {
        if (!a.hasAlpha() && !b.hasAlpha()) {
            return of(a, b);
        }
        try (NativeImage x = NativeImage.own(a.hasAlpha() ? NativeEncoder.onWhite(a.mat()) : bgr(a.mat()));
             NativeImage y = NativeImage.own(b.hasAlpha() ? NativeEncoder.onWhite(b.mat()) : bgr(b.mat()))) {
            return of(x, y);
        }
    }

    private static Mat bgr(Mat m) {
        Mat out = new Mat();
        switch (m.channels()) {
            case 1 -> cvtColor(m, out, COLOR_GRAY2BGR);
            case 4 -> cvtColor(m, out, COLOR_BGRA2BGR);
            default -> m.copyTo(out);
        }
        return out;
    }
}
