package io.tessera.engine.images;

/** Decoded (possibly reduced) pixels with the original header, or the reason they were not decoded. */
public sealed interface DecodeResult {

    /** The caller owns {@code image} and closes it. */
    record Decoded(NativeImage image, ImageHeader header) implements DecodeResult {}

    record Rejected(String reason) implements DecodeResult {}
}
