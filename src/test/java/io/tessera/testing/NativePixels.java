package io.tessera.testing;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;

import io.tessera.engine.images.NativeImage;
import io.tessera.engine.images.OpenCv;
import java.awt.image.BufferedImage;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/** Between Java images and native ones for tests, and OpenCV's encoders for inputs ImageIO cannot write (WebP). */
public final class NativePixels {
    private NativePixels() {}

    /**
     * The image's RGB (and alpha, when it has any) as a BGR or BGRA native image; Java's grey types as one channel
     * of their raw samples (their getRGB treats grey as linear light and brightens it).
     */
    public static NativeImage of(BufferedImage image) {
        OpenCv.load();
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY || image.getType() == BufferedImage.TYPE_USHORT_GRAY) {
            int shift = image.getType() == BufferedImage.TYPE_USHORT_GRAY ? 8 : 0;
            int[] samples = image.getRaster().getSamples(0, 0, w, h, 0, (int[]) null);
            byte[] grey = new byte[samples.length];
            for (int i = 0; i < samples.length; i++) {
                grey[i] = (byte) (shift == 0 ? samples[i] : Math.round(samples[i] / 257.0));
            }
            Mat mat = new Mat(h, w, org.bytedeco.opencv.global.opencv_core.CV_8UC1);
            mat.data().put(grey);
            return NativeImage.own(mat);
        }
        boolean alpha = image.getColorModel().hasAlpha();
        int channels = alpha ? 4 : 3;
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] bytes = new byte[w * h * channels];
        for (int i = 0, o = 0; i < argb.length; i++) {
            int p = argb[i];
            bytes[o++] = (byte) p;
            bytes[o++] = (byte) (p >> 8);
            bytes[o++] = (byte) (p >> 16);
            if (alpha) {
                bytes[o++] = (byte) (p >>> 24);
            }
        }
        Mat mat = new Mat(h, w, alpha ? CV_8UC4 : CV_8UC3);
        mat.data().put(bytes);
        return NativeImage.own(mat);
    }

    /** Encodes through OpenCV, e.g. {@code ".webp"} with {@code IMWRITE_WEBP_QUALITY, 101} for lossless. */
    public static byte[] encode(NativeImage image, String extension, int... params) {
        try (BytePointer out = new BytePointer(); IntPointer p = new IntPointer(params)) {
            if (!opencv_imgcodecs.imencode(extension, image.mat(), out, p)) {
                throw new IllegalStateException("OpenCV could not write " + extension);
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    public static byte[] encode(BufferedImage image, String extension, int... params) {
        try (NativeImage n = of(image)) {
            return encode(n, extension, params);
        }
    }
}
