package io.tessera.engine.images;

/** Decoded (possibly reduced) pixels with the original header, or the reason they were not decoded. */
public sealed interface DecodeResult {

    /** The caller owns {@code image} and closes it. */
    record Decoded(NativeImage image, ImageHeader header) implements DecodeResult {}

    /**
     * @param lasting whether the file itself is at fault (bad content: trying again fails again), as opposed to this
     *                process at this moment (native memory short), which a cache must not remember
     */
    record Rejected(String reason, boolean lasting) implements DecodeResult {
        public Rejected(String reason) {
            this(reason, true);
        }
    }
}
