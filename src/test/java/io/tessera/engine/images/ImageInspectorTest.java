package io.tessera.engine.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.testing.PhotoLike;
import io.tessera.testing.TestImages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
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

    @Test
    void ownHeaderParsersAgreeWithImageIoOnEveryLayout() throws Exception {
        for (Map.Entry<String, byte[]> file : PhotoLike.files(123, 77, 3).entrySet()) {
            ImageHeader header = assertInstanceOf(ImageCheck.Accepted.class, inspector.check(file.getValue()), file.getKey()).header();
            assertEquals(imageIoSize(file.getValue()), header.dimensions(), file.getKey());
            assertEquals(ImageFormat.sniff(file.getValue()).orElseThrow(), header.format());
        }
        Map<String, byte[]> files = PhotoLike.files(16, 16, 1);
        assertTrue(header(files.get("grey.jpg")).colourModel().startsWith("greyscale"));
        assertTrue(header(files.get("cmyk.jpg")).colourModel().startsWith("CMYK"));
        assertTrue(header(files.get("rgb16.png")).colourModel().contains("16 bits"));
        assertTrue(header(files.get("palette.png")).colourModel().matches("indexed colour.*alpha"), header(files.get("palette.png")).colourModel());
        assertTrue(header(files.get("alpha.webp")).colourModel().contains("alpha"));
        assertEquals(1, header(files.get("grey.jpg")).channels());
    }

    @Test
    void theFirstKilobyteIsEnoughToRefuseABombOrANonImage() {
        byte[] bomb = TestImages.pngClaiming(60_000, 60_000);
        String reason = assertInstanceOf(HeadCheck.Rejected.class, inspector.checkHead(bomb, 20_000_000)).reason();
        assertTrue(reason.startsWith("too many pixels: 60000×60000"), reason);
        assertEquals(new HeadCheck.Rejected("not an image (unrecognised content)"),
                inspector.checkHead(Arrays.copyOf(TestImages.randomBytes(5000, 2), 1024), 5_000_000));
        assertEquals(new HeadCheck.Rejected("empty file"), inspector.checkHead(new byte[0], 0));
        assertTrue(assertInstanceOf(HeadCheck.Rejected.class, inspector.checkHead(new byte[10], 1L << 40)).reason().startsWith("too large"));
        byte[] webp = PhotoLike.files(40, 30, 1).get("lossy.webp");
        String cut = assertInstanceOf(HeadCheck.Rejected.class, inspector.checkHead(Arrays.copyOf(webp, 64), webp.length - 10)).reason();
        assertTrue(cut.startsWith("truncated WebP: header says"), cut);
        assertEquals(new HeadCheck.NeedMore(ImageFormat.SNIFF_BYTES), inspector.checkHead(new byte[] {(byte) 0xFF, (byte) 0xD8}, 5000));

        byte[] photo = TestImages.noisyJpeg(1200, 900, 5);
        HeadCheck head = inspector.checkHead(Arrays.copyOf(photo, 1024), photo.length);
        assertEquals("1200×900", assertInstanceOf(HeadCheck.Accepted.class, head).header().dimensions());
    }

    @Test
    void aHeaderFurtherInAsksForTheBytesItNeeds() throws Exception {
        byte[] plain = TestImages.jpeg(300, 200);
        byte[] withProfile = withSegment(plain, 0xE2, 60_000); // a big APP2, like an embedded ICC profile
        HeadCheck.NeedMore more = assertInstanceOf(HeadCheck.NeedMore.class, inspector.checkHead(Arrays.copyOf(withProfile, 1024), withProfile.length));
        assertTrue(more.bytes() > 60_000 && more.bytes() < 60_100, "asks up to the frame header: " + more.bytes());
        assertEquals("300×200", headProgressively(withProfile).dimensions());
        assertEquals("300×200", header(withProfile).dimensions());

        byte[] tiff = PhotoLike.files(300, 200, 2).get("photo.tiff");
        assertEquals("300×200", headProgressively(tiff).dimensions());
        String cutShort = assertInstanceOf(HeadCheck.Rejected.class, inspector.checkHead(Arrays.copyOf(withProfile, 1024), 2000)).reason();
        assertTrue(cutShort.startsWith("corrupt image: the header is cut short"), cutShort);
    }

    @Test
    void filesOnDiskAreCheckedFromTheirHeadAndTail(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path photo = java.nio.file.Files.write(dir.resolve("p.jpg"), withSegment(TestImages.jpeg(300, 200), 0xE1, 65_000));
        assertEquals("300×200", assertInstanceOf(ImageCheck.Accepted.class, inspector.check(photo)).header().dimensions());
        java.nio.file.Path cut = java.nio.file.Files.write(dir.resolve("c.jpg"), TestImages.truncatedJpeg());
        assertEquals(new ImageCheck.Rejected("truncated JPEG: no end-of-image marker"), inspector.check(cut));
    }

    /** Reads 1 KB, then as much as each answer asks for, the way a reader of a remote file would. */
    private ImageHeader headProgressively(byte[] file) {
        int have = 1024;
        for (int round = 0; round < 5; round++) {
            HeadCheck check = inspector.checkHead(Arrays.copyOf(file, Math.min(have, file.length)), file.length);
            if (check instanceof HeadCheck.Accepted(ImageHeader header)) {
                return header;
            }
            have = (int) Math.max(assertInstanceOf(HeadCheck.NeedMore.class, check).bytes(), 2L * have);
        }
        throw new AssertionError("no header after 5 rounds");
    }

    private ImageHeader header(byte[] bytes) {
        return assertInstanceOf(ImageCheck.Accepted.class, inspector.check(bytes)).header();
    }

    /** The JPEG with an extra segment of {@code size} bytes right after SOI. */
    static byte[] withSegment(byte[] jpeg, int marker, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(marker);
        out.write((size + 2) >> 8);
        out.write(size + 2);
        out.writeBytes(new byte[size]);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static String imageIoSize(byte[] bytes) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                return reader.getWidth(0) + "×" + reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        }
    }
}
