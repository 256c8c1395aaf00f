package io.tessera.engine.images;

import io.tessera.engine.Reasons;
import java.io.IOException;
import java.util.Optional;
import org.bytedeco.javacpp.PointerScope;

/**
 * Image bytes → a thumbnail fitting a box, upright by its EXIF orientation; bad content gives a reason. The same
 * native path as jobs: a JPEG decoded reduced, an area resize, JPEG out (PNG when the source has alpha).
 */
public final class ThumbnailMaker {
    private static final int JPEG_QUALITY = 85;
    private static final int PNG_LEVEL = 6;

    private final NativeDecoder decoder;

    public ThumbnailMaker(ImageLimits limits) {
        this.decoder = new NativeDecoder(limits);
    }

    public sealed interface Outcome {
        record Made(Thumbnail thumbnail) implements Outcome {}

        /** @param lasting the file's own fault (bad content), so a cache may keep it; false for a failure of the moment */
        record Rejected(String reason, boolean lasting) implements Outcome {}
    }

    public Outcome make(byte[] bytes, int box) {
        if (box <= 0) {
            throw new IllegalArgumentException("box must be positive");
        }
        try (PointerScope scope = new PointerScope()) {
            DecodeResult decoded = decoder.decode(bytes, source -> Optional.of(source.fitIn(box)));
            if (decoded instanceof DecodeResult.Rejected(String reason, boolean lasting)) {
                return new Outcome.Rejected(reason, lasting);
            }
            DecodeResult.Decoded source = (DecodeResult.Decoded) decoded;
            int orientation = source.header().format() == ImageFormat.JPEG
                    ? ExifReader.read(bytes).map(ExifSummary::orientation).orElse(1) : 1;
            try (NativeImage image = source.image();
                 NativeImage small = shrink(image, image.size().fitIn(box));
                 NativeImage upright = Transforms.upright(small, orientation)) {
                byte[] data = upright.hasAlpha() ? NativeEncoder.png(upright, PNG_LEVEL) : NativeEncoder.jpeg(upright, JPEG_QUALITY);
                String type = upright.hasAlpha() ? "image/png" : "image/jpeg";
                return new Outcome.Made(new Thumbnail(data, type, upright.width(), upright.height()));
            }
        } catch (IOException | RuntimeException e) {
            return new Outcome.Rejected("thumbnail failed: " + Reasons.oneLine(e), false);
        }
    }

    /** An area average down to the box; the image itself when it fits already. */
    private static NativeImage shrink(NativeImage image, Dimensions size) {
        return size.equals(image.size()) ? image : Transforms.resize(image, size, org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA);
    }
}
