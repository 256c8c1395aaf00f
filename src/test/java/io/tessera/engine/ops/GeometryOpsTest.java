package io.tessera.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Sizes and pixel positions after thumbnail, resize, crop, rotate, flip and EXIF auto-orient. */
class GeometryOpsTest {
    private final BufferedImage landscape = Scenes.scene(400, 200);

    private static BufferedImage run(String spec, BufferedImage image) {
        return Scenes.apply(spec, image);
    }

    private static void assertSize(int w, int h, BufferedImage image) {
        assertEquals(w + "×" + h, image.getWidth() + "×" + image.getHeight());
    }

    @Test
    void thumbnailFitsTheBoxKeepingTheAspectAndNeverEnlarges() {
        assertSize(100, 50, run("thumbnail:100", landscape));
        assertSize(400, 200, run("thumbnail:1000", landscape));
    }

    @Test
    void resizeByWidthHeightBothOrScale() {
        assertSize(200, 100, run("resize:w=200", landscape));
        assertSize(1600, 800, run("resize:h=800", landscape));
        assertSize(50, 70, run("resize:w=50,h=70,filter=fast", landscape));
        assertSize(100, 50, run("resize:scale=0.25,filter=smooth", landscape));
    }

    @Test
    void everyOrientationOfExifComesOutUpright() {
        // a marker in the top-left corner as stored ends where each orientation says the viewer sees it
        int[][] corner = {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}, {1, 0}, {1, 1}, {0, 1}}; // 1..8: x, y as fractions
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage upright = Scenes.apply(OpSpec.parse("auto-orient"), landscape, new ImageOp.Context(orientation, new java.util.HashMap<>()));
            boolean turned = orientation >= 5;
            assertSize(turned ? 200 : 400, turned ? 400 : 200, upright);
            int x = corner[orientation - 1][0] * (upright.getWidth() - 1);
            int y = corner[orientation - 1][1] * (upright.getHeight() - 1);
            assertEquals(landscape.getRGB(0, 0), upright.getRGB(x, y), "orientation " + orientation);
        }
    }

    @Test
    void cropTakesTheRectangleClippedToTheImage() {
        BufferedImage cropped = run("crop:x=390,y=10,w=100,h=20", landscape);
        assertSize(10, 20, cropped);
        assertEquals(landscape.getRGB(391, 12), cropped.getRGB(1, 2));
        assertThrows(IllegalArgumentException.class, () -> run("crop:x=500,y=0,w=10,h=10", landscape));
    }

    @Test
    void rotateQuarterTurnsMoveCornersClockwise() {
        BufferedImage r90 = run("rotate:90", landscape);
        assertSize(200, 400, r90);
        // the top-left pixel ends top-right after a clockwise quarter turn
        assertEquals(landscape.getRGB(0, 0), r90.getRGB(199, 0));
        BufferedImage r180 = run("rotate:180", landscape);
        assertEquals(landscape.getRGB(0, 0), r180.getRGB(399, 199));
        BufferedImage r270 = run("rotate:270", landscape);
        assertEquals(landscape.getRGB(0, 0), r270.getRGB(0, 399));
    }

    @Test
    void flipsMirror() {
        assertEquals(landscape.getRGB(0, 5), run("flip:h", landscape).getRGB(399, 5));
        assertEquals(landscape.getRGB(5, 0), run("flip:v", landscape).getRGB(5, 199));
    }

    @Test
    void autoOrientFollowsTheExifTag() {
        BufferedImage upright = Scenes.apply(OpSpec.parse("auto-orient"), landscape, new ImageOp.Context(6, new java.util.HashMap<>()));
        assertSize(200, 400, upright);
        assertEquals(landscape.getRGB(0, 0), upright.getRGB(199, 0));
        BufferedImage unchanged = Scenes.apply("auto-orient", landscape);
        assertSize(400, 200, unchanged);
    }
}
