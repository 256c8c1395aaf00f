package io.tessera.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.images.DecodeResult;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.images.NativeDecoder;
import io.tessera.engine.images.NativeImage;
import io.tessera.engine.images.ShrinkTarget;
import io.tessera.testing.NativePixels;
import io.tessera.testing.PhotoLike;
import java.awt.image.BufferedImage;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.junit.jupiter.api.Test;

/** Native encoders: alpha kept where the format has it, flattened onto white where not; grey stays grey; q and level matter. */
class OutputFormatTest {
    private final NativeDecoder decoder = new NativeDecoder(ImageLimits.DEFAULT);

    private NativeImage roundTrip(String format, NativeImage image) throws Exception {
        byte[] bytes = OutputFormat.parse(format).encode(image);
        return assertInstanceOf(DecodeResult.Decoded.class, decoder.decode(bytes, ShrinkTarget.NONE), format).image();
    }

    /** B, G, R(, A) of a pixel. */
    private static int[] pixel(NativeImage image, int x, int y) {
        try (UByteIndexer at = image.mat().createIndexer()) {
            int[] value = new int[image.channels()];
            for (int c = 0; c < value.length; c++) {
                value[c] = at.get(y, x, c);
            }
            return value;
        }
    }

    @Test
    void alphaIsKeptWhereTheFormatHasItAndFlattenedOntoWhiteElsewhere() throws Exception {
        BufferedImage argb = new BufferedImage(32, 16, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                argb.setRGB(x, y, x < 16 ? 0x80FF0000 : 0x00000000); // half-transparent red, then fully transparent
            }
        }
        try (NativeImage image = NativePixels.of(argb)) {
            for (String format : new String[] {"png", "webp,q=1.0", "tiff"}) {
                try (NativeImage back = roundTrip(format, image)) {
                    assertEquals(4, back.channels(), format);
                    int[] red = pixel(back, 4, 4);
                    assertTrue(Math.abs(red[3] - 128) <= 2 && red[2] > 240 && red[0] < 15, format + ": " + java.util.Arrays.toString(red));
                    assertEquals(0, pixel(back, 24, 4)[3], format);
                }
            }
            for (String format : new String[] {"jpeg,q=1.0", "bmp"}) {
                try (NativeImage back = roundTrip(format, image)) {
                    assertEquals(3, back.channels(), format);
                    int[] pink = pixel(back, 4, 4);
                    assertTrue(pink[2] > 245 && Math.abs(pink[1] - 127) < 8 && Math.abs(pink[0] - 127) < 8, format + ": " + java.util.Arrays.toString(pink));
                    int[] white = pixel(back, 24, 4);
                    assertTrue(white[0] > 245 && white[1] > 245 && white[2] > 245, format + ": " + java.util.Arrays.toString(white));
                }
            }
        }
    }

    @Test
    void greyStaysOneChannelAndEveryFormatReadsBack() throws Exception {
        try (NativeImage photo = NativePixels.of(PhotoLike.photo(90, 60, 3)); NativeImage grey = new Grayscale().apply(photo, null)) {
            for (String format : new String[] {"jpeg", "png", "tiff", "bmp", "gif", "webp"}) {
                try (NativeImage back = roundTrip(format, grey)) {
                    assertEquals("90×60", back.size().toString(), format);
                    assertEquals(format.equals("webp") || format.equals("gif") ? 3 : 1, back.channels(), format);
                }
            }
        }
    }

    @Test
    void qualityAndCompressionLevelChangeTheOutput() throws Exception {
        try (NativeImage photo = NativePixels.of(PhotoLike.photo(400, 300, 5))) {
            assertTrue(size("jpeg,q=0.3", photo) < size("jpeg,q=0.95", photo) * 0.6);
            assertTrue(size("webp,q=0.3", photo) < size("webp,q=0.95", photo) * 0.6);
            assertTrue(size("png,level=9", photo) < size("png,level=0", photo) * 0.9);
        }
    }

    private static int size(String format, NativeImage image) throws Exception {
        return OutputFormat.parse(format).encode(image).length;
    }
}
