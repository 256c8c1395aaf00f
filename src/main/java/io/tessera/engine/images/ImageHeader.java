package io.tessera.engine.images;

/** What an image's header says, read without decoding its pixels. */
public record ImageHeader(ImageFormat format, int width, int height, String colourModel) {

    public long pixels() {
        return (long) width * height;
    }

    public String dimensions() {
        return width + "×" + height;
    }
}
