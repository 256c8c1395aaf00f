package io.tessera.engine.ops.reference;

import io.tessera.engine.ops.OutputFormat;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** The reference path's encoding through ImageIO; JPEG and BMP flatten alpha onto white. It writes no WebP. */
final class ReferenceEncoder {
    private ReferenceEncoder() {}

    static byte[] encode(BufferedImage image, OutputFormat format) throws IOException {
        if (format.kind() == OutputFormat.Kind.WEBP) {
            throw new IOException("the reference path writes no WebP (ImageIO has no WebP writer)");
        }
        String writerName = format.kind().name().toLowerCase(Locale.ROOT);
        boolean keepsAlpha = format.kind() != OutputFormat.Kind.JPEG && format.kind() != OutputFormat.Kind.BMP;
        BufferedImage ready = keepsAlpha || !image.getColorModel().hasAlpha() ? image : flatten(image);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(writerName);
        if (!writers.hasNext()) {
            throw new IOException("the reference path has no " + writerName + " writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.kind() == OutputFormat.Kind.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality((float) format.quality());
            }
            writer.write(null, new IIOImage(ready, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** JPEG and BMP have no alpha: composite onto white rather than let the writer fail or tint. */
    private static BufferedImage flatten(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, new AffineTransform(), null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
