package io.tessera.engine.thumbs;

import io.tessera.engine.Reasons;

/**
 * Thumbnail failures of the moment. Only failures that are the file's own (its content is bad: not an image,
 * truncated, corrupt, too many pixels; the maker says so with {@code Rejected.lasting}) are cached, for a shorter
 * time than thumbnails ({@link ThumbnailSettings#failureTtl}). A failure of the moment (a read that failed,
 * permission denied, memory short while decoding, anything thrown) is answered and never cached, so the next request
 * tries again; this names the thrown ones.
 */
final class ThumbnailFailures {
    private static final String OUT_OF_MEMORY = "not enough memory";

    private ThumbnailFailures() {}

    /** The placeholder text for something thrown while making a thumbnail (never cached). */
    static String forNow(Throwable error) {
        return error instanceof OutOfMemoryError ? OUT_OF_MEMORY + " for this thumbnail just now; it is tried again when shown again"
                : "thumbnail failed for now: " + Reasons.oneLine(error);
    }
}
