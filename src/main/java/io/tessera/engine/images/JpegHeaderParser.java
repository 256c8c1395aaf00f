package io.tessera.engine.images;

/** Walks the JPEG segments (APPn with EXIF, ICC profiles, tables…) to the frame header (SOFn). */
final class JpegHeaderParser implements HeaderParser {

    @Override
    public ImageHeader parse(Head head) {
        long at = 2;
        while (true) {
            if (head.u8(at) != 0xFF) {
                throw new Head.Corrupt("no JPEG marker at byte " + at);
            }
            while (head.u8(at + 1) == 0xFF) {
                at++; // fill bytes
            }
            int marker = head.u8(at + 1);
            at += 2;
            if (marker == 0xD8 || marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                continue; // no length
            }
            if (marker == 0xDA || marker == 0xD9) {
                throw new Head.Corrupt("no JPEG frame header before the image data");
            }
            int length = head.u16be(at);
            if (length < 2) {
                throw new Head.Corrupt("a JPEG segment of length " + length);
            }
            if (isFrame(marker)) {
                int precision = head.u8(at + 2);
                int height = head.u16be(at + 3);
                int width = head.u16be(at + 5);
                int components = head.u8(at + 7);
                String space = switch (components) {
                    case 1 -> "greyscale";
                    case 3 -> "YCbCr";
                    case 4 -> "CMYK";
                    default -> components + " channels";
                };
                return HeaderParser.sized(ImageFormat.JPEG, width, height, ImageHeader.describe(space, precision, false), components);
            }
            at += length;
        }
    }

    /** SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
