package io.tessera.engine.images;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decoded pixels in native memory: an OpenCV {@link Mat} of 8-bit samples with 1 (grey), 3 (BGR) or 4 (BGRA,
 * straight alpha) channels, owned by this object. Closing frees the pixels at once; nothing waits for the garbage
 * collector. An op that makes a new image returns a new {@code NativeImage} and leaves closing its input to the caller.
 */
public final class NativeImage implements AutoCloseable {
    private static final IndexColorModel GREYS = greys();
    private Mat mat;

    private NativeImage(Mat mat) {
        this.mat = mat;
    }

    /** Takes ownership of {@code mat}, which must hold 8-bit grey, BGR or BGRA pixels; closes it if it does not. */
    public static NativeImage own(Mat mat) {
        if (mat.empty() || mat.depth() != CV_8U || mat.channels() == 2 || mat.channels() > 4) {
            String what = mat.empty() ? "an empty image" : "depth " + mat.depth() + ", " + mat.channels() + " channels";
            mat.close();
            throw new IllegalArgumentException("not 8-bit grey, BGR or BGRA pixels: " + what);
        }
        return new NativeImage(mat);
    }

    /** The pixels, valid until this image is closed; the caller must not close or keep them. */
    public Mat mat() {
        if (mat == null) {
            throw new IllegalStateException("the image was closed");
        }
        return mat;
    }

    public int width() {
        return mat().cols();
    }

    public int height() {
        return mat().rows();
    }

    public Dimensions size() {
        return new Dimensions(width(), height());
    }

    public int channels() {
        return mat().channels();
    }

    public boolean hasAlpha() {
        return channels() == 4;
    }

    public boolean isGrey() {
        return channels() == 1;
    }

    /**
     * A copy for Java's imaging (ImageIO writes GIF for us): 3-byte BGR, 4-byte ABGR, or for grey a palette of 256
     * greys (not TYPE_BYTE_GRAY, whose getRGB treats the values as linear and brightens them).
     */
    public BufferedImage toBufferedImage() {
        Mat m = mat();
        BufferedImage image = switch (channels()) {
            case 1 -> new BufferedImage(width(), height(), BufferedImage.TYPE_BYTE_INDEXED, GREYS);
            case 3 -> new BufferedImage(width(), height(), BufferedImage.TYPE_3BYTE_BGR);
            default -> new BufferedImage(width(), height(), BufferedImage.TYPE_4BYTE_ABGR);
        };
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int row = width() * channels();
        for (int y = 0; y < height(); y++) {
            m.ptr(y).get(target, y * row, row);
        }
        if (hasAlpha()) { // BGRA → ABGR
            for (int i = 0; i < target.length; i += 4) {
                byte a = target[i + 3];
                target[i + 3] = target[i + 2];
                target[i + 2] = target[i + 1];
                target[i + 1] = target[i];
                target[i] = a;
            }
        }
        return image;
    }

    @Override
    public void close() {
        if (mat != null) {
            mat.close();
            mat = null;
        }
    }

    private static IndexColorModel greys() {
        byte[] levels = new byte[256];
        for (int i = 0; i < 256; i++) {
            levels[i] = (byte) i;
        }
        return new IndexColorModel(8, 256, levels, levels, levels);
    }

    @Override
    public String toString() {
        return mat == null ? "closed image" : width() + "×" + height() + "×" + channels();
    }
}
