package io.tessera.engine.images;

/** An encoded thumbnail (JPEG, or PNG when the source has transparency) that fits in a square box. */
public record Thumbnail(byte[] data, String mimeType, int width, int height) {}
