package io.tessera.engine.images;

import java.io.IOException;
import java.util.Optional;
import javax.imageio.stream.ImageInputStream;

/**
 * A cheap truncation check from the file's last bytes: JPEG ends with EOI, PNG with its IEND chunk,
 * GIF with its trailer, and RIFF (WebP) and BMP state their own length. A cut-off upload fails here
 * without decoding a pixel. Some writers leave padding after the end marker, so a short tail is searched.
 */
final class EndMarkers {
    private static final int TAIL = 1024;

    private EndMarkers() {}

    /** Why the image looks truncated, or empty when its end is where it should be. */
    static Optional<String> truncation(ImageFormat format, ImageInputStream in, long length) throws IOException {
        return switch (format) {
            case JPEG -> tailContains(in, length, new byte[] {(byte) 0xFF, (byte) 0xD9}) ? Optional.empty()
                    : Optional.of("truncated JPEG: no end-of-image marker");
            case PNG -> tailContains(in, length, new byte[] {'I', 'E', 'N', 'D'}) ? Optional.empty()
                    : Optional.of("truncated PNG: no IEND chunk");
            case GIF -> tailContains(in, length, new byte[] {0x3B}) ? Optional.empty()
                    : Optional.of("truncated GIF: no trailer");
            case WEBP -> declaredLength(in, 4, 8, length, "WebP");
            case BMP -> declaredLength(in, 2, 0, length, "BMP");
            case TIFF -> Optional.empty(); // offsets point anywhere in the file: the decoder finds a cut
        };
    }

    private static boolean tailContains(ImageInputStream in, long length, byte[] marker) throws IOException {
        int n = (int) Math.min(TAIL, length);
        byte[] tail = new byte[n];
        in.seek(length - n);
        in.readFully(tail);
        outer:
        for (int i = n - marker.length; i >= 0; i--) {
            for (int j = 0; j < marker.length; j++) {
                if (tail[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Formats whose header holds a little-endian total length (plus {@code extra} bytes not counted). */
    private static Optional<String> declaredLength(ImageInputStream in, int offset, int extra, long length, String name) throws IOException {
        in.seek(offset);
        long declared = (in.read() | in.read() << 8 | in.read() << 16 | (long) in.read() << 24) + extra;
        return declared > length ? Optional.of("truncated " + name + ": header says " + declared + " bytes, file has " + length)
                : Optional.empty();
    }
}
