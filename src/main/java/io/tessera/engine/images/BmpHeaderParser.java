package io.tessera.engine.images;

/** The DIB header after the 14-byte file header: the old 12-byte core header or a 40-byte (or longer) info header. */
final class BmpHeaderParser implements HeaderParser {

    @Override
    public ImageHeader parse(Head head) {
        long dib = head.u32le(14);
        long width;
        long height;
        int bits;
        if (dib == 12) {
            width = head.u16le(18);
            height = head.u16le(20);
            bits = head.u16le(24);
        } else if (dib >= 40) {
            width = head.s32le(18);
            height = Math.abs((long) head.s32le(22)); // negative: rows stored top-down
            bits = head.u16le(28);
        } else {
            throw new Head.Corrupt("an unknown BMP header of " + dib + " bytes");
        }
        String model = bits <= 8 ? "indexed colour, " + bits + " bits per pixel" : "RGB, " + bits + " bits per pixel";
        return HeaderParser.sized(ImageFormat.BMP, width, height, model, bits == 32 ? 4 : bits <= 8 ? 1 : 3);
    }
}
