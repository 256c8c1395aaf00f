package io.tessera.engine.thumbs;

import io.tessera.engine.images.Thumbnail;

/** What a thumbnail request ends with. */
public sealed interface ThumbnailResult {

    enum Origin { MEMORY, SHARED_CACHE, MADE }

    record Ready(Thumbnail thumbnail, Origin origin) implements ThumbnailResult {}

    /** Show a placeholder with this reason ("not an image", "truncated JPEG…", "permission denied: …"). */
    record Failed(String reason, Origin origin) implements ThumbnailResult {}

    /** The queue was full and this (oldest) request gave way to newer ones; ask again if the cell is still visible. */
    record Dropped() implements ThumbnailResult {}
}
