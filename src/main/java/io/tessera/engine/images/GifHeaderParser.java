package io.tessera.engine.images;

/**
 * The logical screen and the first image descriptor: a frame may claim more than the screen, so the size checked
 * against the pixel limit covers both.
 */
final class GifHeaderParser implements HeaderParser {

    @Override
    public ImageHeader parse(Head head) {
        int screenWidth = head.u16le(6);
        int screenHeight = head.u16le(8);
        int packed = head.u8(10);
        int bits = (packed & 7) + 1;
        long at = 13 + ((packed & 0x80) != 0 ? 3L * (1 << bits) : 0);
        boolean transparent = false;
        while (true) {
            int block = head.u8(at);
            if (block == 0x21) { // extension: label, then data sub-blocks up to an empty one
                if (head.u8(at + 1) == 0xF9 && head.u8(at + 2) >= 4) {
                    transparent |= (head.u8(at + 3) & 1) != 0; // graphic control: transparent colour flag
                }
                at += 2;
                for (int n = head.u8(at); n != 0; n = head.u8(at)) {
                    at += 1 + n;
                }
                at++;
            } else if (block == 0x2C) {
                long right = head.u16le(at + 1) + (long) head.u16le(at + 5);
                long bottom = head.u16le(at + 3) + (long) head.u16le(at + 7);
                int local = head.u8(at + 9);
                if ((local & 0x80) != 0) {
                    bits = (local & 7) + 1;
                }
                String model = "indexed colour, " + bits + " bits per pixel" + (transparent ? ", alpha" : "");
                return HeaderParser.sized(ImageFormat.GIF, Math.max(screenWidth, right), Math.max(screenHeight, bottom), model, 1);
            } else {
                throw new Head.Corrupt(block == 0x3B ? "the GIF holds no image" : "an unknown GIF block at byte " + at);
            }
        }
    }
}
