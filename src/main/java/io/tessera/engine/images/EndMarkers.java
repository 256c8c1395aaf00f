package io.tessera.engine.images;

import java.util.Optional;

/**
 * Cheap truncation checks without decoding a pixel: JPEG ends with EOI, PNG with its IEND chunk, GIF with its
 * trailer (searched in the last bytes, since some writers pad after the end), and RIFF (WebP) and BMP state their
 * own length in the first bytes. TIFF's offsets point anywhere in the file: its decoder finds a cut.
 */
final class EndMarkers {
    /** How many of the last bytes {@link #missingEnd} looks at. */
    static final int TAIL = 1024;

    private EndMarkers() {}

    /** Why a file whose header states its length looks cut short; needs only the first 8 bytes of the head. */
    static Optional<String> shorterThanDeclared(ImageFormat format, Head head) {
        return switch (format) {
            case WEBP -> declared(head, head.u32le(4) + 8, "WebP");
            case BMP -> declared(head, head.u32le(2), "BMP");
            default -> Optional.empty();
        };
    }

    /** Why a file looks cut short from its last bytes ({@code tail}: up to {@link #TAIL} of them). */
    static Optional<String> missingEnd(ImageFormat format, byte[] tail) {
        return switch (format) {
            case JPEG -> contains(tail, (byte) 0xFF, (byte) 0xD9) ? Optional.empty() : Optional.of("truncated JPEG: no end-of-image marker");
            case PNG -> contains(tail, (byte) 'I', (byte) 'E', (byte) 'N', (byte) 'D') ? Optional.empty() : Optional.of("truncated PNG: no IEND chunk");
            case GIF -> contains(tail, (byte) 0x3B) ? Optional.empty() : Optional.of("truncated GIF: no trailer");
            default -> Optional.empty();
        };
    }

    private static Optional<String> declared(Head head, long declared, String name) {
        return declared > head.length()
                ? Optional.of("truncated " + name + ": header says " + declared + " bytes, file has " + head.length())
                : Optional.empty();
    }

    private static boolean contains(byte[] tail, byte... marker) {
        outer:
        for (int i = tail.length - marker.length; i >= 0; i--) {
            for (int j = 0; j < marker.length; j++) {
                if (tail[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
