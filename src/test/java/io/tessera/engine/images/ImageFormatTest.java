package io.tessera.engine.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.testing.TestImages;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageFormatTest {

    @Test
    void recognisesEachFormatByItsMagicBytes() {
        assertEquals(Optional.of(ImageFormat.JPEG), ImageFormat.sniff(TestImages.jpeg(8, 8)));
        assertEquals(Optional.of(ImageFormat.PNG), ImageFormat.sniff(TestImages.png(8, 8)));
        assertEquals(Optional.of(ImageFormat.GIF), ImageFormat.sniff("GIF89a\1\0\1\0\0\0".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Optional.of(ImageFormat.BMP), ImageFormat.sniff(TestImages.encode(TestImages.picture(4, 4, 1), "bmp")));
        assertEquals(Optional.of(ImageFormat.TIFF), ImageFormat.sniff(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}));
        assertEquals(Optional.of(ImageFormat.TIFF), ImageFormat.sniff(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}));
        assertEquals(Optional.of(ImageFormat.WEBP), ImageFormat.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void textRandomBytesAndShortInputAreNotImages() {
        assertTrue(ImageFormat.sniff("just some text".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(ImageFormat.sniff(TestImages.randomBytes(100, 7)).isEmpty());
        assertTrue(ImageFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8}).isEmpty());
        assertTrue(ImageFormat.sniff(new byte[0]).isEmpty());
        assertTrue(ImageFormat.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)).isEmpty());
    }

    @Test
    void extensionsAreOnlyAListingHint() {
        assertTrue(ImageFormat.hasImageExtension("holiday.JPG"));
        assertTrue(ImageFormat.hasImageExtension("scan.tiff"));
        assertFalse(ImageFormat.hasImageExtension("notes.txt"));
        assertFalse(ImageFormat.hasImageExtension("jpg"));
        assertFalse(ImageFormat.hasImageExtension("trailing."));
    }
}
