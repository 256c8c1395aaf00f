package io.tessera.engine.ops;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import io.tessera.engine.images.NativeImage;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/** {@code edges}: the Sobel gradient magnitude of the luma (3×3, scaled by 1/4 so the strongest edge is about 255), white on black, one channel. */
public record SobelEdges() implements ImageOp {

    @Override
    public String spec() {
        return "edges";
    }

    @Override
    public NativeImage apply(NativeImage image, Context context) {
        Mat out = new Mat();
        try (Mat luma = Grayscale.luma(image); Mat gx = new Mat(); Mat gy = new Mat(); Mat magnitude = new Mat()) {
            opencv_imgproc.Sobel(luma, gx, CV_32F, 1, 0, 3, 1, 0, BORDER_REPLICATE);
            opencv_imgproc.Sobel(luma, gy, CV_32F, 0, 1, 3, 1, 0, BORDER_REPLICATE);
            opencv_core.magnitude(gx, gy, magnitude);
            magnitude.convertTo(out, CV_8U, 0.25, 0);
        }
        return NativeImage.own(out);
    }
}
