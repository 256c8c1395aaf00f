package io.tessera.engine.images;

/**
 * What an image's header says, read without decoding its pixels. {@code channels} counts the samples stored per
 * pixel (1 for greyscale and palette images, 3 for colour, 4 with alpha or for CMYK).
 */
public record ImageHeader(ImageFormat format, int width, int height, String colourModel, int channels) {

    public long pixels() {
        return (long) width * height;
    }

    public String dimensions() {
        return width + "×" + height;
    }

    public Dimensions size() {
        return new Dimensions(width, height);
    }

    /** A colour model for people: "YCbCr, 8 bits per sample", "RGB, 16 bits per sample, alpha". */
    static String describe(String space, int bitsPerSample, boolean alpha) {
        return space + ", " + bitsPerSample + " bits per sample" + (alpha ? ", alpha" : "");
    }
}
