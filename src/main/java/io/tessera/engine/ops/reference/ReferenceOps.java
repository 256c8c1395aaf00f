package io.tessera.engine.ops.reference;

import io.tessera.engine.ops.Blur;
import io.tessera.engine.ops.ColorStats;
import io.tessera.engine.ops.Crop;
import io.tessera.engine.ops.DHash;
import io.tessera.engine.ops.ExifFields;
import io.tessera.engine.ops.Grayscale;
import io.tessera.engine.ops.ImageOp;
import io.tessera.engine.ops.Orient;
import io.tessera.engine.ops.Resize;
import io.tessera.engine.ops.Sharpen;
import io.tessera.engine.ops.SobelEdges;
import java.awt.image.BufferedImage;
import java.util.HexFormat;

/**
 * Every op as it was written on {@code BufferedImage} before the engine went native: the reference the native ops
 * are compared with (the equivalence test) and the "old Java path" of the benchmarks. Not used by jobs.
 */
public final class ReferenceOps {
    private ReferenceOps() {}

    public static BufferedImage apply(ImageOp op, BufferedImage image, ImageOp.Context context) {
        return switch (op) {
            case Resize resize -> ReferenceGeometry.resize(image, resize);
            case Crop crop -> ReferenceGeometry.crop(image, crop);
            case Orient orient -> switch (orient.kind()) {
                case ROTATE -> ReferenceGeometry.rotate(image, orient.degrees());
                case FLIP_H -> ReferenceGeometry.flip(image, true);
                case FLIP_V -> ReferenceGeometry.flip(image, false);
                case AUTO -> ReferenceGeometry.exif(image, context.exifOrientation());
            };
            case Grayscale grayscale -> grayscale(image);
            case Blur blur -> Convolution.separable(image, Convolution.gaussian(blur.radius()));
            case Sharpen sharpen -> {
                double a = sharpen.amount();
                yield Convolution.threeByThree(image, new double[] {0, -a, 0, -a, 1 + 4 * a, -a, 0, -a, 0});
            }
            case SobelEdges edges -> edges(image);
            case DHash dhash -> {
                context.metrics().put("dhash", HexFormat.of().toHexDigits(ReferenceAnalysis.dhash(image)));
                yield image;
            }
            case ColorStats stats -> {
                context.metrics().put("stats", ReferenceAnalysis.stats(image, stats.bins()));
                yield image;
            }
            case ExifFields exif -> {
                context.metrics().put("exif", ExifFields.fields(context.exif()));
                yield image;
            }
            default -> throw new IllegalArgumentException("the reference path has no " + op.spec());
        };
    }

    /** BT.601 luma in all three channels, alpha kept. */
    private static BufferedImage grayscale(BufferedImage image) {
        int[] px = Pixels.argb(image);
        for (int i = 0; i < px.length; i++) {
            int y = Pixels.luma(px[i]);
            px[i] = Pixels.pack(px[i] >>> 24, y, y, y);
        }
        return Pixels.image(image, px);
    }

    /** The Sobel gradient magnitude of the luma, scaled by 1/4, as grey RGB. */
    private static BufferedImage edges(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] px = Pixels.argb(image);
        int[] luma = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            luma[i] = Pixels.luma(px[i]);
        }
        int[] out = new int[px.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int gx = at(luma, w, h, x + 1, y - 1) + 2 * at(luma, w, h, x + 1, y) + at(luma, w, h, x + 1, y + 1)
                        - at(luma, w, h, x - 1, y - 1) - 2 * at(luma, w, h, x - 1, y) - at(luma, w, h, x - 1, y + 1);
                int gy = at(luma, w, h, x - 1, y + 1) + 2 * at(luma, w, h, x, y + 1) + at(luma, w, h, x + 1, y + 1)
                        - at(luma, w, h, x - 1, y - 1) - 2 * at(luma, w, h, x, y - 1) - at(luma, w, h, x + 1, y - 1);
                int m = Pixels.clamp(Math.hypot(gx, gy) / 4); // the largest gradient (4×255·√2) maps to about 255
                out[y * w + x] = Pixels.pack(0xFF, m, m, m);
            }
        }
        BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, w, h, out, 0, w);
        return result;
    }

    private static int at(int[] luma, int w, int h, int x, int y) {
        return luma[Convolution.clamp(y, h) * w + Convolution.clamp(x, w)];
    }
}
