package io.tessera.engine.images;

/**
 * Guards applied before any pixel is decoded: a header may claim any size (a decompression bomb
 * claims 60000×60000 in a few hundred bytes), so the claimed pixel count is checked first.
 */
public record ImageLimits(long maxPixels, long maxFileBytes) {
    public static final ImageLimits DEFAULT = new ImageLimits(100_000_000L, 256L * 1024 * 1024);

    public ImageLimits {
        if (maxPixels <= 0 || maxFileBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
