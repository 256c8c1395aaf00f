package io.tessera.engine.thumbs;

import io.tessera.engine.Reasons;

/**
 * Which thumbnail failures are worth remembering. Only those that are the file's own: its content is bad (not an
 * image, truncated, corrupt, too many pixels), so decoding it again would fail again. Those are cached, for a shorter
 * time than thumbnails ({@link ThumbnailSettings#failureTtl}). A failure of the moment (a read that failed, permission
 * denied, memory short while decoding, anything thrown) is answered and never cached, so the next request tries again.
 */
final class ThumbnailFailures {
    /**
     * How the decoder words a shortage of memory it caught ({@code SafeDecoder}): the one rejection that is about this
     * JVM, not the file. A decoder that cannot tell its reasons apart otherwise is matched by its words here.
     */
    private static final String OUT_OF_MEMORY = "not enough memory";

    private ThumbnailFailures() {}

    /** True when the maker's rejection is about the file itself, so a cache may keep it. */
    static boolean lasting(String reason) {
        return reason != null && !reason.startsWith(OUT_OF_MEMORY);
    }

    /** The placeholder text for something thrown while making a thumbnail (never cached). */
    static String forNow(Throwable error) {
        return error instanceof OutOfMemoryError ? OUT_OF_MEMORY + " for this thumbnail just now; it is tried again when shown again"
                : "thumbnail failed for now: " + Reasons.oneLine(error);
    }
}
