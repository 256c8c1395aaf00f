package io.tessera.engine.images;

/**
 * The first bytes of an image file (possibly all of them) and the file's whole length, read by offset with bounds
 * checks: a read past the bytes at hand asks for more ({@link MoreNeeded}), a read past the file's end finds it
 * cut short ({@link Corrupt}).
 */
final class Head {
    private final byte[] bytes;
    private final long length;

    Head(byte[] bytes, long length) {
        this.bytes = bytes;
        this.length = length;
    }

    long length() {
        return length;
    }

    /** Makes sure the bytes before {@code end} are at hand. */
    void need(long end) {
        if (end > bytes.length) {
            if (end > length) {
                throw new Corrupt("the header is cut short (the file ends at byte " + length + ")");
            }
            throw new MoreNeeded(end);
        }
    }

    int u8(long at) {
        need(at + 1);
        return bytes[(int) at] & 0xFF;
    }

    int u16be(long at) {
        return u8(at) << 8 | u8(at + 1);
    }

    int u16le(long at) {
        return u8(at) | u8(at + 1) << 8;
    }

    int u24le(long at) {
        return u16le(at) | u8(at + 2) << 16;
    }

    long u32be(long at) {
        return (long) u16be(at) << 16 | u16be(at + 2);
    }

    long u32le(long at) {
        return u16le(at) | (long) u16le(at + 2) << 16;
    }

    int s32le(long at) {
        return (int) u32le(at);
    }

    boolean ascii(long at, String text) {
        need(at + text.length());
        for (int i = 0; i < text.length(); i++) {
            if (bytes[(int) at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The header lies past the bytes at hand: read the first {@code bytes} bytes of the file and ask again. */
    static final class MoreNeeded extends RuntimeException {
        final long bytes;

        MoreNeeded(long bytes) {
            super(null, null, false, false);
            this.bytes = bytes;
        }
    }

    /** The header is malformed; the message says how, for "corrupt image: …". */
    static final class Corrupt extends RuntimeException {
        Corrupt(String message) {
            super(message, null, false, false);
        }
    }
}
