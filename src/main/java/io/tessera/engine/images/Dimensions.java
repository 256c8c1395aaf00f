package io.tessera.engine.images;

/** A width and a height in pixels. */
public record Dimensions(int width, int height) {

    @Override
    public String toString() {
        return width + "×" + height;
    }
}
