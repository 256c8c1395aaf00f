package io.tessera.engine.images;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_GRAYSCALE_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_GRAYSCALE_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_GRAYSCALE_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;

import java.nio.ByteBuffer;
import java.util.function.Supplier;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Decodes with OpenCV, only after {@link ImageInspector} accepted the header. A JPEG that the pipeline shrinks
 * first is decoded reduced by libjpeg-turbo's DCT scaling (1/2, 1/4, 1/8) while it stays at least {@link #MARGIN}
 * times the target on both sides, so the final area resize still has pixels to average (libvips keeps the same
 * margin). Other formats decode whole: OpenCV offers no scaled decode for PNG or WebP (a reduced flag there
 * decodes whole and resizes with a plain bilinear filter). Pixels stay as stored: EXIF orientation is ignored
 * here, {@code auto-orient} applies it. Results are 8-bit grey, BGR or BGRA; 16-bit and float samples are
 * scaled to 8 bits. Never throws for bad content.
 */
public final class NativeDecoder {
    /** How many times the target size a reduced JPEG decode keeps, on each side. */
    static final int MARGIN = 2;

    private final ImageInspector inspector;

    public NativeDecoder(ImageLimits limits) {
        this.inspector = new ImageInspector(limits);
        OpenCv.load();
    }

    public ImageInspector inspector() {
        return inspector;
    }

    public DecodeResult decode(byte[] bytes, ShrinkTarget target) {
        return decode(inspector.check(bytes), () -> new BytePointer(bytes), bytes.length, target);
    }

    /**
     * Bytes already in native memory (a direct buffer, from its position to its limit), decoded where they are rather
     * than copied: a worker reads its inputs there, so that multi-megabyte inputs never land on the Java heap.
     */
    public DecodeResult decode(ByteBuffer bytes, ShrinkTarget target) {
        if (!bytes.isDirect()) {
            throw new IllegalArgumentException("a direct buffer, not a heap one");
        }
        ByteBuffer view = bytes.slice();
        return decode(inspector.check(view), () -> new BytePointer(view), view.remaining(), target);
    }

    private DecodeResult decode(ImageCheck check, Supplier<BytePointer> bytes, int length, ShrinkTarget target) {
        if (!(check instanceof ImageCheck.Accepted(ImageHeader header))) {
            return new DecodeResult.Rejected(((ImageCheck.Rejected) check).reason());
        }
        int reduction = header.format() == ImageFormat.JPEG ? target.forSource(header.size()).map(t -> reduction(header.size(), t)).orElse(1) : 1;
        Mat decoded;
        try (BytePointer data = bytes.get(); Mat buffer = new Mat(1, length, CV_8UC1, data)) {
            decoded = opencv_imgcodecs.imdecode(buffer, flags(header, reduction));
        } catch (RuntimeException e) {
            return failure(header, e);
        }
        if (decoded.empty()) {
            decoded.close();
            return new DecodeResult.Rejected("corrupt image: the " + header.format() + " decoder could not read it");
        }
        Mat pixels = decoded;
        try {
            pixels = eightBit(decoded);
            return new DecodeResult.Decoded(NativeImage.own(pixels), header);
        } catch (RuntimeException e) {
            return failure(header, e);
        } finally {
            if (pixels != decoded) {
                decoded.close();
            }
        }
    }

    /** The largest JPEG reduction (8, 4, 2 or 1) that keeps both sides at least {@link #MARGIN} times the target. */
    static int reduction(Dimensions source, Dimensions target) {
        for (int factor = 8; factor > 1; factor /= 2) {
            if (ceilDiv(source.width(), factor) >= (long) MARGIN * target.width() && ceilDiv(source.height(), factor) >= (long) MARGIN * target.height()) {
                return factor;
            }
        }
        return 1;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** JPEGs as grey or BGR (CMYK converted), reduced when asked; everything else unchanged (alpha and 16 bits kept). */
    static int flags(ImageHeader header, int reduction) {
        if (header.format() != ImageFormat.JPEG) {
            return IMREAD_UNCHANGED; // never applies orientation
        }
        boolean grey = header.channels() == 1;
        int mode = switch (reduction) {
            case 8 -> grey ? IMREAD_REDUCED_GRAYSCALE_8 : IMREAD_REDUCED_COLOR_8;
            case 4 -> grey ? IMREAD_REDUCED_GRAYSCALE_4 : IMREAD_REDUCED_COLOR_4;
            case 2 -> grey ? IMREAD_REDUCED_GRAYSCALE_2 : IMREAD_REDUCED_COLOR_2;
            default -> grey ? IMREAD_GRAYSCALE : IMREAD_COLOR;
        };
        return mode | IMREAD_IGNORE_ORIENTATION;
    }

    /** 8-bit samples in 1, 3 or 4 channels: {@code decoded} itself when it has them, else a new Mat. */
    private static Mat eightBit(Mat decoded) {
        if (decoded.channels() > 4) {
            throw new IllegalArgumentException("unsupported: " + decoded.channels() + " channels");
        }
        if (decoded.depth() != CV_8U) {
            double scale = switch (decoded.depth()) {
                case CV_16U -> 1 / 257.0;
                case CV_32F, CV_64F -> 255.0;
                default -> throw new IllegalArgumentException("unsupported sample type " + decoded.depth());
            };
            Mat scaled = new Mat();
            decoded.convertTo(scaled, CV_8U, scale, 0);
            if (scaled.channels() != 2) {
                return scaled;
            }
            try (scaled) {
                return bgra(scaled);
            }
        }
        return decoded.channels() == 2 ? bgra(decoded) : decoded;
    }

    /** Grey + alpha (PNG, TIFF) as BGRA, which every later step understands. */
    private static Mat bgra(Mat greyAlpha) {
        Mat bgra = new Mat();
        try (MatVector planes = new MatVector()) {
            opencv_core.split(greyAlpha, planes);
            try (MatVector four = new MatVector(planes.get(0), planes.get(0), planes.get(0), planes.get(1))) {
                opencv_core.merge(four, bgra);
            }
        }
        return bgra;
    }

    /** A decoder's exception: the content's fault, unless OpenCV ran out of memory (then it is this moment's). */
    private static DecodeResult.Rejected failure(ImageHeader header, RuntimeException e) {
        if (OpenCv.outOfMemory(e)) {
            return new DecodeResult.Rejected("not enough memory to decode " + header.dimensions() + " just now", false);
        }
        return new DecodeResult.Rejected("corrupt image: the " + header.format() + " decoder failed (" + OpenCv.shortMessage(e) + ")");
    }
}
