package io.tessera.engine.images;

/** The verdict on some bytes that claim to be an image: a readable header within limits, or the reason not. */
public sealed interface ImageCheck {

    record Accepted(ImageHeader header) implements ImageCheck {}

    record Rejected(String reason) implements ImageCheck {}

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
