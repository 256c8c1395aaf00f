package io.tessera.engine.images;

import io.tessera.engine.Reasons;
import io.tessera.engine.ops.reference.ReferenceDecoder;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Image bytes → a thumbnail fitting a box, upright by its EXIF orientation; bad content gives a reason. */
public final class ThumbnailMaker {
    private static final float JPEG_QUALITY = 0.85f;

    private final ReferenceDecoder decoder;

    public ThumbnailMaker(ImageLimits limits) {
        this.decoder = new ReferenceDecoder(limits);
    }

    public sealed interface Outcome {
        record Made(Thumbnail thumbnail) implements Outcome {}

        record Rejected(String reason) implements Outcome {}
    }

    public Outcome make(byte[] bytes, int box) {
        if (box <= 0) {
            throw new IllegalArgumentException("box must be positive");
        }
        ReferenceDecoder.Result decoded = decoder.decode(bytes, box);
        if (decoded instanceof ReferenceDecoder.Result.Rejected(String reason)) {
            return new Outcome.Rejected(reason);
        }
        BufferedImage source = ((ReferenceDecoder.Result.Decoded) decoded).image();
        int orientation = ((ReferenceDecoder.Result.Decoded) decoded).header().format() == ImageFormat.JPEG
                ? ExifReader.read(bytes).map(ExifSummary::orientation).orElse(1) : 1;
        try {
            BufferedImage small = scale(source, box, orientation);
            boolean alpha = small.getColorModel().hasAlpha();
            byte[] data = alpha ? png(small) : jpeg(small);
            return new Outcome.Made(new Thumbnail(data, alpha ? "image/png" : "image/jpeg", small.getWidth(), small.getHeight()));
        } catch (IOException | RuntimeException e) {
            return new Outcome.Rejected("thumbnail failed: " + Reasons.oneLine(e));
        }
    }

    /** Fits the image in the box (never enlarging) and applies rotations 3, 6 and 8. */
    private static BufferedImage scale(BufferedImage source, int box, int orientation) {
        boolean quarterTurn = orientation == 6 || orientation == 8;
        int w = quarterTurn ? source.getHeight() : source.getWidth();
        int h = quarterTurn ? source.getWidth() : source.getHeight();
        double scale = Math.min(1.0, Math.min((double) box / w, (double) box / h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        boolean alpha = source.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(tw, th, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            AffineTransform t = new AffineTransform();
            switch (orientation) {
                case 3 -> t.rotate(Math.PI, tw / 2.0, th / 2.0);
                case 6 -> { t.translate(tw, 0); t.rotate(Math.PI / 2); }
                case 8 -> { t.translate(0, th); t.rotate(-Math.PI / 2); }
                default -> { }
            }
            t.scale(scale, scale);
            g.drawImage(source, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer");
        }
        return bytes.toByteArray();
    }
}
