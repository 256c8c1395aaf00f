package io.tessera.engine.thumbs;

/** Where the image bytes come from: the store, or the local disk for a benchmark's baseline. */
@FunctionalInterface
public interface ThumbnailSource {
    /** The whole file; throws with a readable message (e.g. "permission denied: /x") when it cannot be read. */
    byte[] read(String path, long maxBytes) throws Exception;
}
