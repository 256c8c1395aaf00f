package io.tessera.engine.images;

/**
 * Width, height and colour model from a format's header, without a decoder: a few dozen bytes for PNG, BMP and
 * WebP, the segments up to the frame header for JPEG, the first IFD for TIFF, the blocks up to the first image for GIF.
 */
interface HeaderParser {

    /** @throws Head.MoreNeeded when the header lies past the bytes at hand; @throws Head.Corrupt when it is malformed */
    ImageHeader parse(Head head);

    static HeaderParser of(ImageFormat format) {
        return switch (format) {
            case JPEG -> new JpegHeaderParser();
            case PNG -> new PngHeaderParser();
            case GIF -> new GifHeaderParser();
            case BMP -> new BmpHeaderParser();
            case TIFF -> new TiffHeaderParser();
            case WEBP -> new WebpHeaderParser();
        };
    }

    /** A header that gives no size is as bad as a broken one. */
    static ImageHeader sized(ImageFormat format, long width, long height, String colourModel, int channels) {
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new Head.Corrupt("the " + format + " header gives no usable size (" + width + "×" + height + ")");
        }
        return new ImageHeader(format, (int) width, (int) height, colourModel, channels);
    }
}
