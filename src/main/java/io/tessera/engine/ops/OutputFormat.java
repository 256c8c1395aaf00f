package io.tessera.engine.ops;

import io.tessera.engine.images.NativeEncoder;
import io.tessera.engine.images.NativeImage;
import java.io.IOException;
import java.util.Locale;

/**
 * How a pipeline writes its result: {@code format:jpeg} (with {@code q=0.1-1}, default 0.85), {@code format:png},
 * {@code format:bmp}, {@code format:tiff} or {@code format:gif}. WebP is read but not written.
 */
public record OutputFormat(Kind kind, double quality) {
    public static final double DEFAULT_QUALITY = 0.85;
    public static final OutputFormat JPEG = new OutputFormat(Kind.JPEG, DEFAULT_QUALITY);
    public static final OutputFormat PNG = new OutputFormat(Kind.PNG, DEFAULT_QUALITY);

    public enum Kind {
        JPEG("jpg"), PNG("png"), BMP("bmp"), TIFF("tif"), GIF("gif");

        private final String extension;

        Kind(String extension) {
            this.extension = extension;
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

    public byte[] encode(NativeImage image) throws IOException {
        return switch (kind) {
            case JPEG -> NativeEncoder.jpeg(image, (int) Math.round(quality * 100));
            case PNG -> NativeEncoder.png(image, 6);
            case BMP -> NativeEncoder.bmp(image);
            case TIFF -> NativeEncoder.tiff(image);
            case GIF -> NativeEncoder.gif(image);
        };
    }
}
