package io.tessera.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.images.NativeImage;
import io.tessera.testing.NativePixels;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grayscale, blur, sharpen, Sobel edges, dHash and colour statistics on generated images. */
class PixelOpsTest {

    @Test
    void grayscaleMakesTheThreeChannelsEqual() {
        BufferedImage grey = Scenes.apply("grayscale", Scenes.scene(64, 48));
        for (int y = 0; y < grey.getHeight(); y += 3) {
            for (int x = 0; x < grey.getWidth(); x += 3) {
                int p = grey.getRGB(x, y);
                assertEquals((p >> 16) & 0xFF, (p >> 8) & 0xFF);
                assertEquals((p >> 8) & 0xFF, p & 0xFF);
            }
        }
    }

    @Test
    void blurSmoothsAndSharpenRoughens() {
        BufferedImage noise = Scenes.noise(60, 60);
        double before = Scenes.roughness(noise);
        double blurred = Scenes.roughness(Scenes.apply("blur:2.5", noise));
        assertTrue(blurred < before / 4, "blur: " + before + " → " + blurred);

        BufferedImage soft = Scenes.apply("blur:1.5", Scenes.scene(80, 60));
        double sharpened = Scenes.roughness(Scenes.apply("sharpen:2", soft));
        assertTrue(sharpened > Scenes.roughness(soft), "sharpen adds contrast");
    }

    @Test
    void blurKeepsAFlatImageFlatUpToItsBorders() {
        BufferedImage flat = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = flat.createGraphics();
        g.setColor(new java.awt.Color(100, 150, 200));
        g.fillRect(0, 0, 20, 20);
        g.dispose();
        BufferedImage blurred = Scenes.apply("blur:3", flat);
        assertEquals(flat.getRGB(0, 0), blurred.getRGB(0, 0), "edge pixels are repeated, no dark frame");
        assertEquals(flat.getRGB(10, 10), blurred.getRGB(10, 10));
    }

    @Test
    void sobelFindsTheEdgeAndNothingElse() {
        BufferedImage edges = Scenes.apply("edges", Scenes.edge(40, 20));
        assertEquals(255, edges.getRGB(20, 10) & 0xFF, "the step from black to white");
        assertEquals(0, edges.getRGB(5, 10) & 0xFF, "flat black");
        assertEquals(0, edges.getRGB(35, 10) & 0xFF, "flat white");
    }

    @Test
    void dHashMatchesAResizedCopyAndDiffersForAnotherImage() {
        try (NativeImage original = NativePixels.of(Scenes.scene(640, 480));
             NativeImage smaller = OpSpec.parse("resize:w=203").apply(original, Scenes.context());
             NativeImage other = NativePixels.of(Scenes.other(640, 480))) {
            long a = DHash.hash(original);
            assertTrue(DHash.distance(a, DHash.hash(smaller)) <= 4, "resized copy");
            assertTrue(DHash.distance(a, DHash.hash(other)) > 16, "a different picture");

            Map<String, Object> metrics = new java.util.HashMap<>();
            assertSame(original, OpSpec.parse("dhash").apply(original, new ImageOp.Context(1, metrics)), "analysis passes the image on");
            assertEquals(java.util.HexFormat.of().toHexDigits(a), metrics.get("dhash"));
        }
    }

    @Test
    void histogramsSumToThePixelCountAndMomentsAreRight() {
        BufferedImage half = Scenes.edge(10, 10);
        Map<String, Object> metrics = new java.util.HashMap<>();
        Scenes.apply(OpSpec.parse("stats:bins=4"), half, new ImageOp.Context(1, metrics));
        @SuppressWarnings("unchecked")
        Map<String, Object> stats = (Map<String, Object>) metrics.get("stats");
        assertEquals(100, stats.get("pixels"));
        for (String channel : List.of("r", "g", "b")) {
            ColorStats.Channel c = (ColorStats.Channel) stats.get(channel);
            assertEquals(100, c.histogram().stream().mapToLong(Long::longValue).sum());
            assertEquals(List.of(50L, 0L, 0L, 50L), c.histogram());
            assertEquals(127.5, c.mean(), 1e-9);
            assertEquals(127.5, c.stddev(), 1e-9);
        }
    }
}
