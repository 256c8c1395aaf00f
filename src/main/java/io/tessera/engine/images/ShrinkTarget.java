package io.tessera.engine.images;

import java.util.Optional;

/**
 * The size a pipeline scales an image to when scaling is the first thing it does: decoding may then go part of
 * the way (a JPEG decoded at 1/2, 1/4 or 1/8 of its size).
 */
@FunctionalInterface
public interface ShrinkTarget {
    ShrinkTarget NONE = source -> Optional.empty();

    Optional<Dimensions> forSource(Dimensions source);
}
