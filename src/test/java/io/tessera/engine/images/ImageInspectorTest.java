package io.tessera.engine.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.testing.TestImages;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageInspectorTest {
    private final ImageInspector inspector = new ImageInspector(ImageLimits.DEFAULT);

    @Test
    void readsSizeAndColourModelOfARealImage() {
        ImageCheck check = inspector.check(TestImages.jpeg(640, 480));
        ImageHeader header = assertInstanceOf(ImageCheck.Accepted.class, check).header();
        assertEquals(ImageFormat.JPEG, header.format());
        assertEquals(640, header.width());
        assertEquals(480, header.height());
        assertTrue(header.colourModel().contains("RGB") || header.colourModel().contains("YCbCr"), header.colourModel());

        ImageHeader png = assertInstanceOf(ImageCheck.Accepted.class, inspector.check(TestImages.png(30, 20))).header();
        assertEquals("30×20", png.dimensions());
        assertTrue(png.colourModel().contains("alpha"), png.colourModel());
    }

    @Test
    void aPngClaiming60000By60000IsRefusedFromItsHeader() {
        byte[] bomb = TestImages.pngClaiming(60_000, 60_000);
        assertTrue(bomb.length < 100);
        String reason = reject(bomb);
        assertTrue(reason.contains("60000×60000") && reason.contains("limit 100"), reason);
    }

    @Test
    void badContentGetsAReadableReason() {
        assertEquals("empty file", reject(new byte[0]));
        assertTrue(reject(TestImages.randomBytes(5000, 1)).startsWith("not an image"));
        assertTrue(reject("hello, I am text".getBytes(StandardCharsets.UTF_8)).startsWith("not an image"));
        assertEquals("truncated JPEG: no end-of-image marker", reject(TestImages.truncatedJpeg()));
        byte[] headerOnly = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
        assertEquals("truncated PNG: no IEND chunk", reject(headerOnly));
        String zeroWidth = reject(TestImages.pngClaiming(0, 10));
        assertTrue(zeroWidth.startsWith("corrupt image"), zeroWidth);
    }

    @Test
    void aSmallerLimitAppliesToFileSize() {
        ImageInspector strict = new ImageInspector(new ImageLimits(1_000_000, 100));
        String reason = assertInstanceOf(ImageCheck.Rejected.class, strict.check(TestImages.jpeg(64, 64))).reason();
        assertTrue(reason.startsWith("too large"), reason);
    }

    private String reject(byte[] bytes) {
        return assertInstanceOf(ImageCheck.Rejected.class, inspector.check(bytes)).reason();
    }
}
