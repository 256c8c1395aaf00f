package io.tessera.engine.ops;

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

/**
 * How a pipeline writes its result: {@code format:jpeg} (with {@code q=0.1-1}, default 0.85), {@code format:png},
 * {@code format:bmp}, {@code format:tiff} or {@code format:gif}. WebP is read but not written.
 */
public record OutputFormat(Kind kind, double quality) {
    public static final double DEFAULT_QUALITY = 0.85;
    public static final OutputFormat JPEG = new OutputFormat(Kind.JPEG, DEFAULT_QUALITY);
    public static final OutputFormat PNG = new OutputFormat(Kind.PNG, DEFAULT_QUALITY);

    public enum Kind {
        JPEG("jpeg", "jpg", false), PNG("png", "png", true), BMP("bmp", "bmp", false), TIFF("tiff", "tif", true), GIF("gif", "gif", true);

        private final String writerName;
        private final String extension;
        private final boolean alpha;

        Kind(String writerName, String extension, boolean alpha) {
            this.writerName = writerName;
            this.extension = extension;
            this.alpha = alpha;
        }
    }

    public static OutputFormat parse(String text) {
        return parse(OpArgs.of("format", text));
    }

    static OutputFormat parse(OpArgs args) {
        args.only("q");
        String name = args.required("a format: jpeg, png, bmp, tiff or gif, e.g. format:png", args.positional()).toLowerCase(Locale.ROOT);
        Kind kind = switch (name) {
            case "jpeg", "jpg" -> Kind.JPEG;
            case "png" -> Kind.PNG;
            case "bmp" -> Kind.BMP;
            case "tiff", "tif" -> Kind.TIFF;
            case "gif" -> Kind.GIF;
            case "webp" -> throw new OpSpecException("format: WebP can be read but not written; choose jpeg, png, bmp, tiff or gif");
            default -> throw new OpSpecException("format: unknown format '" + name + "'; choose jpeg, png, bmp, tiff or gif");
        };
        if (args.has("q") && kind != Kind.JPEG) {
            throw new OpSpecException("format: q= (quality) applies to jpeg only");
        }
        return new OutputFormat(kind, args.has("q") ? args.decimal("q", args.named("q"), 0.1, 1.0) : DEFAULT_QUALITY);
    }

    public String spec() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return kind == Kind.JPEG && quality != DEFAULT_QUALITY ? name + ",q=" + quality : name;
    }

    public String extension() {
        return kind.extension;
    }

    public byte[] encode(BufferedImage image) throws IOException {
        BufferedImage ready = kind.alpha || !image.getColorModel().hasAlpha() ? image : flatten(image);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(kind.writerName);
        if (!writers.hasNext()) {
            throw new IOException("no " + kind + " writer on the class path");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (kind == Kind.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality((float) quality);
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
