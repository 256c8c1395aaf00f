package io.tessera.engine.ops;

import io.tessera.engine.images.Dimensions;
import io.tessera.engine.images.ExifSummary;
import io.tessera.engine.images.NativeImage;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a {@link Pipeline}: an image in, an image out, on native pixels. An op that changes the image returns
 * a new {@link NativeImage} and never closes its input (the pipeline does); analysis ops (hash, statistics) return
 * their input itself and put their findings in {@link Context#metrics()}, which end up in the image's outcome.
 * Ops are immutable and validated when built, so a running pipeline never meets a bad parameter.
 */
public interface ImageOp {

    /** The canonical spec text, e.g. {@code resize:w=800}; {@link OpSpec#parse} of it gives an equal op. */
    String spec();

    NativeImage apply(NativeImage image, Context context);

    /**
     * The size this op scales an image of {@code source} size to, when scaling is all it does and it needs no more
     * detail than that size holds: decoding may then shrink towards it (see {@code NativeDecoder}).
     */
    default Optional<Dimensions> scalesTo(Dimensions source) {
        return Optional.empty();
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
