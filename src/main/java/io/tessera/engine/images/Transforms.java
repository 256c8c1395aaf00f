package io.tessera.engine.images;

import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2mRGBA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_mRGBA2RGBA;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Geometry on native images, shared by the pipeline's ops and the console's thumbnails. Each returns a new image
 * (or, where said, the input itself when there is nothing to do) and leaves closing its input to the caller.
 */
public final class Transforms {
    private Transforms() {}

    /**
     * Scales to {@code size} with an OpenCV interpolation ({@code INTER_AREA}, {@code INTER_CUBIC}…). Transparent
     * images are scaled premultiplied, so the colour of invisible pixels does not bleed into their neighbours.
     */
    public static NativeImage resize(NativeImage image, Dimensions size, int interpolation) {
        Mat out = new Mat();
        try (Size target = new Size(size.width(), size.height())) {
            if (image.hasAlpha() && !opaque(image.mat())) {
                try (Mat premultiplied = new Mat(); Mat scaled = new Mat()) {
                    opencv_imgproc.cvtColor(image.mat(), premultiplied, COLOR_RGBA2mRGBA); // channel order does not matter here
                    opencv_imgproc.resize(premultiplied, scaled, target, 0, 0, interpolation);
                    opencv_imgproc.cvtColor(scaled, out, COLOR_mRGBA2RGBA);
                }
            } else {
                opencv_imgproc.resize(image.mat(), out, target, 0, 0, interpolation);
            }
        }
        return NativeImage.own(out);
    }

    /** Quarter turns clockwise: 90, 180 or 270. */
    public static NativeImage rotate(NativeImage image, int degrees) {
        int code = switch (degrees) {
            case 90 -> ROTATE_90_CLOCKWISE;
            case 180 -> ROTATE_180;
            case 270 -> ROTATE_90_COUNTERCLOCKWISE;
            default -> throw new IllegalArgumentException("not a quarter turn: " + degrees);
        };
        Mat out = new Mat();
        opencv_core.rotate(image.mat(), out, code);
        return NativeImage.own(out);
    }

    /** A mirror image: left-right when {@code horizontal}, else top-bottom. */
    public static NativeImage flip(NativeImage image, boolean horizontal) {
        Mat out = new Mat();
        opencv_core.flip(image.mat(), out, horizontal ? 1 : 0);
        return NativeImage.own(out);
    }

    /**
     * The image as it should be seen under an EXIF orientation: 2 mirror, 3 half turn, 4 vertical mirror,
     * 5 transpose, 6 quarter right, 7 transverse, 8 quarter left. For 1 (or anything else) the image itself.
     */
    public static NativeImage upright(NativeImage image, int orientation) {
        return switch (orientation) {
            case 2 -> flip(image, true);
            case 3 -> rotate(image, 180);
            case 4 -> flip(image, false);
            case 5, 7 -> {
                try (NativeImage turned = rotate(image, orientation == 5 ? 90 : 270)) {
                    yield flip(turned, true);
                }
            }
            case 6 -> rotate(image, 90);
            case 8 -> rotate(image, 270);
            default -> image;
        };
    }

    /** Whether every alpha sample is 255, so alpha can be ignored while scaling. */
    private static boolean opaque(Mat bgra) {
        try (Mat alpha = new Mat()) {
            opencv_core.extractChannel(bgra, alpha, 3);
            double[] min = new double[1];
            opencv_core.minMaxLoc(alpha, min);
            return min[0] == 255;
        }
    }
}
