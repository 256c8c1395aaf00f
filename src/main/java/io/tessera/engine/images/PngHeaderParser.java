package io.tessera.engine.images;

/** The IHDR chunk, which must come first; a tRNS chunk before the image data means transparency. */
final class PngHeaderParser implements HeaderParser {

    @Override
    public ImageHeader parse(Head head) {
        if (head.u32be(8) != 13 || !head.ascii(12, "IHDR")) {
            throw new Head.Corrupt("the PNG does not start with its IHDR chunk");
        }
        long width = head.u32be(16);
        long height = head.u32be(20);
        int depth = head.u8(24);
        int colourType = head.u8(25);
        boolean alpha = colourType == 4 || colourType == 6 || hasTransparencyChunk(head);
        return switch (colourType) {
            case 0 -> HeaderParser.sized(ImageFormat.PNG, width, height, ImageHeader.describe("greyscale", depth, alpha), 1);
            case 2 -> HeaderParser.sized(ImageFormat.PNG, width, height, ImageHeader.describe("RGB", depth, alpha), 3);
            case 3 -> HeaderParser.sized(ImageFormat.PNG, width, height, "indexed colour, " + depth + " bits per pixel" + (alpha ? ", alpha" : ""), 1);
            case 4 -> HeaderParser.sized(ImageFormat.PNG, width, height, ImageHeader.describe("greyscale", depth, true), 2);
            case 6 -> HeaderParser.sized(ImageFormat.PNG, width, height, ImageHeader.describe("RGB", depth, true), 4);
            default -> throw new Head.Corrupt("PNG colour type " + colourType + " does not exist");
        };
    }

    /** Looks at the chunks at hand before IDAT; a description nicety only, so it never asks for more bytes. */
    private static boolean hasTransparencyChunk(Head head) {
        long at = 33;
        try {
            for (int i = 0; i < 64; i++) {
                long length = head.u32be(at);
                if (head.ascii(at + 4, "tRNS")) {
                    return true;
                }
                if (head.ascii(at + 4, "IDAT")) {
                    return false;
                }
                at += 12 + length;
            }
        } catch (Head.MoreNeeded | Head.Corrupt e) {
            // not at hand: say nothing about transparency
        }
        return false;
    }
}
