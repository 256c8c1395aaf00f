package io.tessera.engine.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.testing.TestImages;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThumbnailMakerTest {
    private final ThumbnailMaker maker = new ThumbnailMaker(ImageLimits.DEFAULT);

    @Test
    void fitsALandscapePhotoInTheBoxAsJpeg() throws Exception {
        Thumbnail t = made(TestImages.jpeg(1600, 900), 200);
        assertEquals("image/jpeg", t.mimeType());
        assertEquals(200, t.width());
        assertEquals(113, t.height());
        assertEquals(200, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(t.data())).getWidth());
    }

    @Test
    void keepsTransparencyAsPngAndNeverEnlarges() {
        Thumbnail t = made(TestImages.png(40, 20), 256);
        assertEquals("image/png", t.mimeType());
        assertEquals(40, t.width());
        assertEquals(20, t.height());
    }

    @Test
    void turnsAPhotoUprightByItsExifOrientation() {
        Thumbnail t = made(TestImages.jpegWithExif(300, 100, "Canon", "Canon EOS R5", 6, "2024:05:01 12:34:56"), 150);
        assertEquals(50, t.width());
        assertEquals(150, t.height());
    }

    @Test
    void everyLayoutMakesAThumbnailThroughTheNativePath() {
        for (java.util.Map.Entry<String, byte[]> file : io.tessera.testing.PhotoLike.files(900, 600, 6).entrySet()) {
            Thumbnail t = made(file.getValue(), 160);
            assertEquals("160×107", t.width() + "×" + t.height(), file.getKey());
            boolean alpha = file.getKey().startsWith("alpha") || file.getKey().startsWith("palette");
            assertEquals(alpha ? "image/png" : "image/jpeg", t.mimeType(), file.getKey());
        }
    }

    @Test
    void aLargePhotoIsAveragedNotSampled() {
        // fine stripes alias into bands when pixels are skipped; an averaged thumbnail is an even grey there
        java.awt.image.BufferedImage stripes = new java.awt.image.BufferedImage(3000, 2000, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 3000; x++) {
            for (int y = 0; y < 2000; y++) {
                stripes.setRGB(x, y, x % 2 == 0 ? 0xFFFFFF : 0);
            }
        }
        Thumbnail t = made(io.tessera.testing.PhotoLike.jpeg(stripes, 0.95f), 150);
        java.awt.image.BufferedImage small = read(t.data());
        int least = 255;
        int most = 0;
        for (int x = 10; x < small.getWidth() - 10; x++) {
            int grey = small.getRGB(x, 50) & 0xFF;
            least = Math.min(least, grey);
            most = Math.max(most, grey);
        }
        assertTrue(most - least < 24 && least > 100 && most < 156, "an even grey, not bands: " + least + "–" + most);
    }

    private static java.awt.image.BufferedImage read(byte[] bytes) {
        try {
            return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void corruptInputGivesAReasonInsteadOfAnException() {
        assertTrue(rejected(TestImages.truncatedJpeg()).startsWith("truncated JPEG"));
        assertTrue(rejected(TestImages.pngClaiming(60_000, 60_000)).startsWith("too many pixels"));
        assertTrue(rejected(TestImages.randomBytes(300, 3)).startsWith("not an image"));
    }

    @Test
    void exifOfACameraPhotoIsSummarised() {
        byte[] photo = TestImages.jpegWithExif(64, 48, "NIKON CORPORATION", "NIKON D850", 1, "2023:07:14 09:15:00");
        ImageMetadata metadata = assertInstanceOf(ImageMetadata.MetadataResult.Found.class,
                ImageMetadata.of(photo, new ImageInspector(ImageLimits.DEFAULT))).metadata();
        ExifSummary exif = metadata.exif().orElseThrow();
        assertEquals("NIKON CORPORATION NIKON D850", exif.camera());
        assertEquals(1, exif.orientation());
        assertTrue(exif.hasGps());
        assertEquals(2023, exif.dateTaken().atZone(java.time.ZoneOffset.UTC).getYear());
        assertTrue(exif.dateTaken().isBefore(Instant.parse("2023-07-15T00:00:00Z")));
        assertTrue(ExifReader.read(TestImages.jpeg(10, 10)).isEmpty());
    }

    private Thumbnail made(byte[] bytes, int box) {
        return assertInstanceOf(ThumbnailMaker.Outcome.Made.class, maker.make(bytes, box)).thumbnail();
    }

    private String rejected(byte[] bytes) {
        return assertInstanceOf(ThumbnailMaker.Outcome.Rejected.class, maker.make(bytes, 100)).reason();
    }
}
