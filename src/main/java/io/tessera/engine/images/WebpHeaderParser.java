package io.tessera.engine.images;

/** The first chunk after "WEBP": a lossy VP8 frame header, a lossless VP8L header, or the extended VP8X canvas. */
final class WebpHeaderParser implements HeaderParser {

    @Override
    public ImageHeader parse(Head head) {
        if (head.ascii(12, "VP8 ")) {
            if (head.u8(23) != 0x9D || head.u8(24) != 0x01 || head.u8(25) != 0x2A) {
                throw new Head.Corrupt("no VP8 start code in the WebP");
            }
            return HeaderParser.sized(ImageFormat.WEBP, head.u16le(26) & 0x3FFF, head.u16le(28) & 0x3FFF, "lossy YCbCr, 8 bits per sample", 3);
        }
        if (head.ascii(12, "VP8L")) {
            if (head.u8(20) != 0x2F) {
                throw new Head.Corrupt("no VP8L signature in the WebP");
            }
            long bits = head.u32le(21);
            boolean alpha = (bits >> 28 & 1) != 0;
            return HeaderParser.sized(ImageFormat.WEBP, (bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1,
                    "lossless " + ImageHeader.describe("RGB", 8, alpha), alpha ? 4 : 3);
        }
        if (head.ascii(12, "VP8X")) {
            int flags = head.u8(20);
            boolean alpha = (flags & 0x10) != 0;
            String model = ImageHeader.describe("RGB", 8, alpha) + ((flags & 0x02) != 0 ? ", animated" : "");
            return HeaderParser.sized(ImageFormat.WEBP, head.u24le(24) + 1L, head.u24le(27) + 1L, model, alpha ? 4 : 3);
        }
        throw new Head.Corrupt("an unknown first WebP chunk");
    }
}
