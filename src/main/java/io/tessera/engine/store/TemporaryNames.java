package io.tessera.engine.store;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The one naming scheme for Tessera's hidden temporary files (an upload, a job output, a plan manifest being
 * written before its rename into place): {@code .tsr-<kind>-<8 hex of the final name>-<12 hex random>}.
 *
 * <p>Short and of fixed length whatever the final name, so a final name of 255 bytes still has a valid
 * temporary; hidden (leading '.'), so listings and plans skip it; the hash of the final name lets a re-run find
 * the leftovers of one output in its folder without knowing the dead writer's random part; the kind lets a
 * sweeper say what it removed.
 */
public final class TemporaryNames {
    static final String PREFIX = ".tsr-";
    private static final int NAME_HASH_HEX = 8;
    private static final int RANDOM_BYTES = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a temporary was being written for. */
    public enum Kind {
        UPLOAD('u'), OUTPUT('o'), MANIFEST('m');

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        static Optional<Kind> of(char code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    private TemporaryNames() {}

    /** A fresh temporary name for a file that will be renamed to {@code finalName} in the same folder. */
    public static String of(Kind kind, String finalName) {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return prefixOf(kind, finalName) + HexFormat.of().formatHex(random);
    }

    /** Every temporary of {@code finalName} of this kind starts with this: a re-run sweeps them by it. */
    public static String prefixOf(Kind kind, String finalName) {
        return PREFIX + kind.code + "-" + nameHash(finalName) + "-";
    }

    /** Whether a name is one of ours, of any kind. */
    public static boolean isTemporary(String name) {
        return kindOf(name).isPresent();
    }

    /** The kind of one of our temporaries; empty for any other name. */
    public static Optional<Kind> kindOf(String name) {
        int expected = PREFIX.length() + 2 + NAME_HASH_HEX + 1 + 2 * RANDOM_BYTES;
        if (name.length() != expected || !name.startsWith(PREFIX) || name.charAt(PREFIX.length() + 1) != '-') {
            return Optional.empty();
        }
        return Kind.of(name.charAt(PREFIX.length()));
    }

    private static String nameHash(String finalName) {
        CRC32 crc = new CRC32();
        crc.update(finalName.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
