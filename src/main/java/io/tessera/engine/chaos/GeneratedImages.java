package io.tessera.engine.chaos;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Distinct JPEGs for a benchmark without a corpus: a gradient and a few shapes each, the same for the same seed. */
public final class GeneratedImages {
    private GeneratedImages() {}

    /** Writes {@code count} images {@code img-00000.jpg}… of {@code width}×{@code height} into {@code folder}. */
    public static List<Path> write(Path folder, int count, int width, int height, long seed) throws IOException {
        if (width < 8 || height < 8 || (long) width * height > 50_000_000) {
            throw new IllegalArgumentException("image size must be at least 8×8 and at most 50 megapixels, not " + width + "×" + height);
        }
        Files.createDirectories(folder);
        Random random = new Random(seed);
        List<Path> files = new ArrayList<>();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < count; i++) {
            Graphics2D g = image.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt()), width, height, new Color(random.nextInt())));
            g.fillRect(0, 0, width, height);
            for (int shape = 0; shape < 6; shape++) {
                g.setColor(new Color(random.nextInt()));
                g.fillOval(random.nextInt(width), random.nextInt(height), 1 + random.nextInt(width / 2), 1 + random.nextInt(height / 2));
            }
            g.dispose();
            Path file = folder.resolve(String.format("img-%05d.jpg", i));
            if (!ImageIO.write(image, "jpeg", file.toFile())) {
                throw new IOException("no JPEG writer");
            }
            files.add(file);
        }
        return files;
    }
}
