package io.tessera.engine.images;

/** A width and a height in pixels. */
public record Dimensions(int width, int height) {

    /** This size fitted in a square box, keeping the aspect ratio and never enlarging. */
    public Dimensions fitIn(int box) {
        double scale = Math.min(1.0, (double) box / Math.max(width, height));
        return new Dimensions(Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
    }

    @Override
    public String toString() {
        return width + "×" + height;
    }
}
