package io.tessera.engine.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.testing.NativePixels;
import io.tessera.testing.PhotoLike;
import io.tessera.testing.TestImages;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.opencv.global.opencv_core;
import org.junit.jupiter.api.Test;

/** Every layout decodes to 8-bit grey, BGR or BGRA as stored; JPEGs decode reduced when the pipeline shrinks them. */
class NativeDecoderTest {
    private final NativeDecoder decoder = new NativeDecoder(ImageLimits.DEFAULT);

    private NativeImage decode(byte[] bytes, ShrinkTarget target) {
        return assertInstanceOf(DecodeResult.Decoded.class, decoder.decode(bytes, target)).image();
    }

    private String refusal(byte[] bytes) {
        return assertInstanceOf(DecodeResult.Rejected.class, decoder.decode(bytes, ShrinkTarget.NONE)).reason();
    }

    @Test
    void everyLayoutDecodesAsStoredToEightBits() {
        BufferedImage photo = PhotoLike.photo(320, 240, 4);
        BufferedImage alpha = PhotoLike.withAlpha(320, 240, 4);
        Map<String, Integer> channels = Map.ofEntries(Map.entry("photo.jpg", 3), Map.entry("grey.jpg", 1), Map.entry("cmyk.jpg", 3),
                Map.entry("photo.png", 3), Map.entry("alpha.png", 4), Map.entry("grey16.png", 1), Map.entry("rgb16.png", 3),
                Map.entry("palette.png", 4), Map.entry("photo.gif", 3), Map.entry("photo.bmp", 3), Map.entry("photo.tiff", 3),
                Map.entry("lossy.webp", 3), Map.entry("lossless.webp", 3), Map.entry("alpha.webp", 4));
        Map<String, Double> leastPsnr = Map.of("photo.jpg", 30.0, "cmyk.jpg", 28.0, "photo.png", 99.0, "alpha.png", 99.0, "rgb16.png", 99.0,
                "photo.bmp", 99.0, "photo.tiff", 99.0, "lossy.webp", 28.0, "lossless.webp", 99.0);
        for (Map.Entry<String, byte[]> file : PhotoLike.files(320, 240, 4).entrySet()) {
            try (NativeImage image = decode(file.getValue(), ShrinkTarget.NONE)) {
                String name = file.getKey();
                assertEquals("320×240", image.size().toString(), name);
                assertEquals(opencv_core.CV_8U, image.mat().depth(), name);
                assertEquals(channels.get(name), image.channels(), name);
                if (leastPsnr.containsKey(name)) {
                    try (NativeImage expected = NativePixels.of(name.startsWith("alpha") ? alpha : photo)) {
                        double psnr = Psnr.of(expected, image);
                        assertTrue(psnr >= leastPsnr.get(name), name + ": " + psnr + " dB");
                    }
                }
            }
        }
    }

    @Test
    void aJpegThatWillBeShrunkDecodesReducedKeepingTwiceTheTarget() {
        byte[] jpeg = PhotoLike.jpeg(PhotoLike.photo(2000, 1500, 1), 0.9f);
        try (NativeImage reduced = decode(jpeg, source -> Optional.of(new Dimensions(256, 192)))) {
            assertEquals("1000×750", reduced.size().toString(), "1/2: 1/4 would leave 500×375, under twice 256×192");
        }
        try (NativeImage small = decode(jpeg, source -> Optional.of(new Dimensions(100, 75)))) {
            assertEquals("250×188", small.size().toString(), "1/8, rounded up as libjpeg does");
        }
        try (NativeImage grey = decode(TestImages.encode(PhotoLike.grey(PhotoLike.photo(800, 600, 1)), "jpeg"), source -> Optional.of(new Dimensions(64, 48)))) {
            assertEquals(1, grey.channels(), "grey stays one channel when reduced");
            assertEquals("200×150", grey.size().toString(), "1/4: 1/8 would be 100×75, under twice 64×48");
        }
        try (NativeImage png = decode(PhotoLike.files(800, 600, 1).get("photo.png"), source -> Optional.of(new Dimensions(64, 48)))) {
            assertEquals("800×600", png.size().toString(), "only JPEG decodes reduced");
        }
    }

    @Test
    void reductionsKeepBothSidesAtLeastTwiceTheTarget() {
        assertEquals(8, NativeDecoder.reduction(new Dimensions(6000, 4000), new Dimensions(256, 171)));
        assertEquals(4, NativeDecoder.reduction(new Dimensions(2560, 1600), new Dimensions(256, 160)));
        assertEquals(1, NativeDecoder.reduction(new Dimensions(500, 400), new Dimensions(256, 205)));
        assertEquals(1, NativeDecoder.reduction(new Dimensions(6000, 1000), new Dimensions(100, 900)), "an exact size taller than wide");
        assertEquals(1, NativeDecoder.reduction(new Dimensions(640, 480), new Dimensions(1280, 960)), "enlarging");
    }

    @Test
    void pixelsStayAsStoredWhateverTheExifOrientation() {
        byte[] sideways = TestImages.jpegWithExif(80, 40, "Cam", "One", 6, "2024:01:02 03:04:05");
        try (NativeImage image = decode(sideways, ShrinkTarget.NONE)) {
            assertEquals("80×40", image.size().toString());
        }
    }

    @Test
    void hostileInputsAreRefusedWithReasons() {
        assertEquals("empty file", refusal(new byte[0]));
        assertEquals("truncated JPEG: no end-of-image marker", refusal(TestImages.truncatedJpeg()));
        assertTrue(refusal(TestImages.randomBytes(4000, 9)).startsWith("not an image"));
        assertTrue(refusal("text named .png".getBytes(StandardCharsets.UTF_8)).startsWith("not an image"));
        assertTrue(refusal(TestImages.pngClaiming(60_000, 60_000)).startsWith("too many pixels: 60000×60000"));

        byte[] webp = PhotoLike.files(200, 150, 2).get("lossy.webp");
        byte[] corrupt = webp.clone();
        Arrays.fill(corrupt, 40, corrupt.length - 8, (byte) 0x5A);
        String reason = refusal(corrupt);
        assertTrue(reason.startsWith("corrupt image: the WEBP decoder"), reason);

        byte[] png = PhotoLike.files(200, 150, 2).get("photo.png");
        byte[] badData = png.clone();
        Arrays.fill(badData, 60, badData.length - 20, (byte) 0x11);
        reason = refusal(badData);
        assertTrue(reason.startsWith("corrupt image: the PNG decoder"), reason);
    }
}
