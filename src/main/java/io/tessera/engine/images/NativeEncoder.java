package io.tessera.engine.images;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_COMPRESSION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_WEBP_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Native images to file bytes with OpenCV's encoders (libjpeg-turbo, libpng, libtiff, libwebp), and GIF through
 * ImageIO: OpenCV 4.13's GIF writer quantises poorly and crashed the JVM (SIGFPE) at some quality settings.
 * Formats without alpha (JPEG, BMP) get transparent images flattened onto white.
 */
public final class NativeEncoder {
    private NativeEncoder() {}

    /** @param quality 1–100 */
    public static byte[] jpeg(NativeImage image, int quality) throws IOException {
        return opaque(image, ".jpg", IMWRITE_JPEG_QUALITY, quality);
    }

    /** @param level zlib compression, 0 (none, fastest) to 9 (smallest) */
    public static byte[] png(NativeImage image, int level) throws IOException {
        return encode(image.mat(), ".png", IMWRITE_PNG_COMPRESSION, level);
    }

    /** Lossy WebP, alpha kept; @param quality 1–100 */
    public static byte[] webp(NativeImage image, int quality) throws IOException {
        return encode(image.mat(), ".webp", IMWRITE_WEBP_QUALITY, Math.min(100, quality));
    }

    public static byte[] tiff(NativeImage image) throws IOException {
        return encode(image.mat(), ".tiff");
    }

    public static byte[] bmp(NativeImage image) throws IOException {
        return opaque(image, ".bmp");
    }

    public static byte[] gif(NativeImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image.toBufferedImage(), "gif", bytes)) {
            throw new IOException("no GIF writer");
        }
        return bytes.toByteArray();
    }

    private static byte[] opaque(NativeImage image, String extension, int... params) throws IOException {
        if (!image.hasAlpha()) {
            return encode(image.mat(), extension, params);
        }
        try (Mat flat = onWhite(image.mat())) {
            return encode(flat, extension, params);
        }
    }

    /** Straight alpha composited onto white: colour × alpha + 255 × (1 − alpha), per channel. */
    static Mat onWhite(Mat bgra) {
        Mat out = new Mat();
        try (Mat bgr = new Mat(); Mat alpha = new Mat(); Mat alpha3 = new Mat(); Mat white = new Mat()) {
            opencv_imgproc.cvtColor(bgra, bgr, COLOR_BGRA2BGR);
            opencv_core.extractChannel(bgra, alpha, 3);
            opencv_imgproc.cvtColor(alpha, alpha3, COLOR_GRAY2BGR);
            opencv_core.multiply(bgr, alpha3, out, 1 / 255.0, -1);
            opencv_core.bitwise_not(alpha3, white);
            opencv_core.add(out, white, out);
        }
        return out;
    }

    private static byte[] encode(Mat pixels, String extension, int... params) throws IOException {
        try (BytePointer out = new BytePointer(); IntPointer options = new IntPointer(params)) {
            boolean written;
            try {
                written = opencv_imgcodecs.imencode(extension, pixels, out, options);
            } catch (RuntimeException e) {
                throw new IOException("the " + extension.substring(1) + " encoder failed: " + OpenCv.shortMessage(e), e);
            }
            if (!written) {
                throw new IOException("the " + extension.substring(1) + " encoder wrote nothing");
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }
}
