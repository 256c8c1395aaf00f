package io.tessera.engine.images;

/**
 * The verdict on the first bytes of a file, before the rest is read ({@link ImageInspector#checkHead}): its header
 * is within limits, or the reason the file is not worth reading, or how much more of it the header needs.
 */
public sealed interface HeadCheck {

    /** Format and header within limits. Not a promise that the rest is whole: {@link ImageInspector#check} says that. */
    record Accepted(ImageHeader header) implements HeadCheck {}

    record Rejected(String reason) implements HeadCheck {}

    /** The header lies further in (a JPEG's EXIF and ICC segments, a TIFF's directory): read the first {@code bytes} bytes and ask again. */
    record NeedMore(long bytes) implements HeadCheck {}
}
