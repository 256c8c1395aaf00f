package io.tessera.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grayscale, blur, sharpen, Sobel edges, dHash and colour statistics on generated images. */
class PixelOpsTest {

    @Test
    void grayscaleMakesTheThreeChannelsEqual() {
        BufferedImage grey = OpSpec.parse("grayscale").apply(Scenes.scene(64, 48), Scenes.context());
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
        double blurred = Scenes.roughness(OpSpec.parse("blur:2.5").apply(noise, Scenes.context()));
        assertTrue(blurred < before / 4, "blur: " + before + " → " + blurred);

        BufferedImage soft = OpSpec.parse("blur:1.5").apply(Scenes.scene(80, 60), Scenes.context());
        double sharpened = Scenes.roughness(OpSpec.parse("sharpen:2").apply(soft, Scenes.context()));
        assertTrue(sharpened > Scenes.roughness(soft), "sharpen adds contrast");
    }

    @Test
    void blurKeepsAFlatImageFlatUpToItsBorders() {
        BufferedImage flat = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = flat.createGraphics();
        g.setColor(new java.awt.Color(100, 150, 200));
        g.fillRect(0, 0, 20, 20);
        g.dispose();
        BufferedImage blurred = OpSpec.parse("blur:3").apply(flat, Scenes.context());
        assertEquals(flat.getRGB(0, 0), blurred.getRGB(0, 0), "edge pixels are repeated, no dark frame");
        assertEquals(flat.getRGB(10, 10), blurred.getRGB(10, 10));
    }

    @Test
    void sobelFindsTheEdgeAndNothingElse() {
        BufferedImage edges = OpSpec.parse("edges").apply(Scenes.edge(40, 20), Scenes.context());
        assertEquals(255, edges.getRGB(20, 10) & 0xFF, "the step from black to white");
        assertEquals(0, edges.getRGB(5, 10) & 0xFF, "flat black");
        assertEquals(0, edges.getRGB(35, 10) & 0xFF, "flat white");
    }

    @Test
    void dHashMatchesAResizedCopyAndDiffersForAnotherImage() {
        BufferedImage original = Scenes.scene(640, 480);
        BufferedImage smaller = OpSpec.parse("resize:w=203").apply(original, Scenes.context());
        long a = DHash.hash(original);
        assertTrue(DHash.distance(a, DHash.hash(smaller)) <= 4, "resized copy");
        assertTrue(DHash.distance(a, DHash.hash(Scenes.other(640, 480))) > 16, "a different picture");

        Map<String, Object> metrics = new java.util.HashMap<>();
        BufferedImage same = OpSpec.parse("dhash").apply(original, new ImageOp.Context(1, metrics));
        assertEquals(original, same, "analysis passes the image on");
        assertEquals(java.util.HexFormat.of().toHexDigits(a), metrics.get("dhash"));
    }

    @Test
    void histogramsSumToThePixelCountAndMomentsAreRight() {
        BufferedImage half = Scenes.edge(10, 10);
        Map<String, Object> metrics = new java.util.HashMap<>();
        OpSpec.parse("stats:bins=4").apply(half, new ImageOp.Context(1, metrics));
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
