package io.tessera.engine.ops;

import io.tessera.engine.images.ExifSummary;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * One step of a {@link Pipeline}: an image in, an image out. Analysis ops (hash, statistics) return their
 * input unchanged and put their findings in {@link Context#metrics()}, which end up in the image's outcome.
 * Ops are immutable and validated when built, so a running pipeline never meets a bad parameter.
 */
public interface ImageOp {

    /** The canonical spec text, e.g. {@code resize:w=800}; {@link OpSpec#parse} of it gives an equal op. */
    String spec();

    BufferedImage apply(BufferedImage image, Context context);

    /** The longest side this op needs of its input, when it is a downscale to a known box: decoding may subsample to it. */
    default int boxHint() {
        return 0;
    }

    /**
     * What an op may know about the image beyond its pixels.
     *
     * @param exifOrientation the EXIF orientation tag of the source (1 when absent)
     * @param metrics         where analysis ops write their results
     * @param exif            the source's EXIF, when the pipeline asked for it and there was any; else null
     */
    record Context(int exifOrientation, Map<String, Object> metrics, ExifSummary exif) {
        public Context(int exifOrientation, Map<String, Object> metrics) {
            this(exifOrientation, metrics, null);
        }
    }
}
