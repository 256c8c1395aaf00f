package io.tessera.engine.images;

import java.awt.image.BufferedImage;

/** A decoded (possibly subsampled) image with its original header, or the reason it was not decoded. */
public sealed interface DecodeResult {

    record Decoded(BufferedImage image, ImageHeader header) implements DecodeResult {}

    record Rejected(String reason) implements DecodeResult {}
}
