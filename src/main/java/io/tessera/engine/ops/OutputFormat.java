package io.tessera.engine.ops;

import io.tessera.engine.images.NativeEncoder;
import io.tessera.engine.images.NativeImage;
import java.io.IOException;
import java.util.Locale;

/**
 * How a pipeline writes its result: {@code format:jpeg} or {@code format:webp} (with {@code q=0.1-1}, default 0.85),
 * {@code format:png} (with {@code level=0-9}, zlib's compression effort, default 6), {@code format:tiff},
 * {@code format:bmp} or {@code format:gif}. JPEG and BMP flatten alpha onto white; PNG, WebP, TIFF and GIF keep it.
 */
public record OutputFormat(Kind kind, double quality, int level) {
    public static final double DEFAULT_QUALITY = 0.85;
    public static final int DEFAULT_LEVEL = 6;
    public static final OutputFormat JPEG = new OutputFormat(Kind.JPEG, DEFAULT_QUALITY);
    public static final OutputFormat PNG = new OutputFormat(Kind.PNG, DEFAULT_QUALITY);
    private static final String CHOICES = "jpeg, png, webp, tiff, bmp or gif";

    public enum Kind {
        JPEG("jpg"), PNG("png"), WEBP("webp"), BMP("bmp"), TIFF("tif"), GIF("gif");

        private final String extension;

        Kind(String extension) {
            this.extension = extension;
        }

        boolean lossy() {
            return this == JPEG || this == WEBP;
        }
    }

    public OutputFormat(Kind kind, double quality) {
        this(kind, quality, DEFAULT_LEVEL);
    }

    public static OutputFormat parse(String text) {
        return parse(OpArgs.of("format", text));
    }

    static OutputFormat parse(OpArgs args) {
        args.only("q", "level");
        String name = args.required("a format: " + CHOICES + ", e.g. format:png", args.positional()).toLowerCase(Locale.ROOT);
        Kind kind = switch (name) {
            case "jpeg", "jpg" -> Kind.JPEG;
            case "png" -> Kind.PNG;
            case "webp" -> Kind.WEBP;
            case "bmp" -> Kind.BMP;
            case "tiff", "tif" -> Kind.TIFF;
            case "gif" -> Kind.GIF;
            default -> throw new OpSpecException("format: unknown format '" + name + "'; choose " + CHOICES);
        };
        if (args.has("q") && !kind.lossy()) {
            throw new OpSpecException("format: q= (quality) applies to jpeg and webp only");
        }
        if (args.has("level") && kind != Kind.PNG) {
            throw new OpSpecException("format: level= (compression) applies to png only");
        }
        return new OutputFormat(kind, args.has("q") ? args.decimal("q", args.named("q"), 0.1, 1.0) : DEFAULT_QUALITY,
                args.has("level") ? args.integer("level", args.named("level"), 0, 9) : DEFAULT_LEVEL);
    }

    public String spec() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        if (kind.lossy() && quality != DEFAULT_QUALITY) {
            return name + ",q=" + quality;
        }
        return kind == Kind.PNG && level != DEFAULT_LEVEL ? name + ",level=" + level : name;
    }

    public String extension() {
        return kind.extension;
    }

    public byte[] encode(NativeImage image) throws IOException {
        int percent = (int) Math.round(quality * 100);
        return switch (kind) {
            case JPEG -> NativeEncoder.jpeg(image, percent);
            case PNG -> NativeEncoder.png(image, level);
            case WEBP -> NativeEncoder.webp(image, percent);
            case BMP -> NativeEncoder.bmp(image);
            case TIFF -> NativeEncoder.tiff(image);
            case GIF -> NativeEncoder.gif(image);
        };
    }
}
