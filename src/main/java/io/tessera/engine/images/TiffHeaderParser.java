package io.tessera.engine.images;

/** The first image file directory (IFD0), wherever its offset puts it: writers often place it after the pixels. */
final class TiffHeaderParser implements HeaderParser {
    private static final int WIDTH = 256;
    private static final int LENGTH = 257;
    private static final int BITS_PER_SAMPLE = 258;
    private static final int PHOTOMETRIC = 262;
    private static final int SAMPLES_PER_PIXEL = 277;
    private static final int EXTRA_SAMPLES = 338;

    @Override
    public ImageHeader parse(Head head) {
        boolean little = head.u8(0) == 'I';
        long ifd = little ? head.u32le(4) : head.u32be(4);
        int entries = little ? head.u16le(ifd) : head.u16be(ifd);
        head.need(ifd + 2 + 12L * entries);
        long width = 0;
        long height = 0;
        int bits = 8;
        int samples = 1;
        int photometric = -1;
        boolean alpha = false;
        for (int i = 0; i < entries; i++) {
            long at = ifd + 2 + 12L * i;
            int tag = little ? head.u16le(at) : head.u16be(at);
            int type = little ? head.u16le(at + 2) : head.u16be(at + 2);
            long count = little ? head.u32le(at + 4) : head.u32be(at + 4);
            long value = type == 3 ? (little ? head.u16le(at + 8) : head.u16be(at + 8)) : (little ? head.u32le(at + 8) : head.u32be(at + 8));
            switch (tag) {
                case WIDTH -> width = value;
                case LENGTH -> height = value;
                case BITS_PER_SAMPLE -> bits = type == 3 && count <= 2 ? (int) value : bits; // more samples: an offset; 8 is typical
                case PHOTOMETRIC -> photometric = (int) value;
                case SAMPLES_PER_PIXEL -> samples = (int) value;
                case EXTRA_SAMPLES -> alpha = true;
                default -> { }
            }
        }
        String space = switch (photometric) {
            case 0, 1 -> "greyscale";
            case 2 -> "RGB";
            case 3 -> "indexed colour";
            case 5 -> "CMYK";
            case 6 -> "YCbCr";
            default -> samples + " channels";
        };
        return HeaderParser.sized(ImageFormat.TIFF, width, height, ImageHeader.describe(space, bits, alpha), samples);
    }
}
