package io.tessera.engine.thumbs;

/**
 * What a thumbnail service did so far: {@code made} photos read and decoded, answers from the {@code shared} cache and
 * from {@code memory}, requests {@code cancelled} before they were answered and {@code dropped} when the queue was full.
 */
public record ThumbnailStats(long made, long shared, long memory, long cancelled, long dropped) {}
