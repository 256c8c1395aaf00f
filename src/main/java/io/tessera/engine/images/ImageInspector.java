package io.tessera.engine.images;

import io.tessera.engine.Reasons;
import java.awt.color.ColorSpace;
import java.awt.image.ColorModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decides whether content is an image we will handle, reading only its first and last bytes and its
 * header: the format by magic bytes, the dimensions from the reader without decoding, the pixel limit,
 * and a truncation check. Never throws for bad content; every problem becomes a {@link ImageCheck.Rejected}.
 */
public final class ImageInspector {
    static {
        ImageIO.setUseCache(false); // no temp files per image; our inputs are bounded in memory
    }

    private final ImageLimits limits;

    public ImageInspector(ImageLimits limits) {
        this.limits = limits;
    }

    public ImageLimits limits() {
        return limits;
    }

    public ImageCheck check(byte[] bytes) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            return check(in, bytes.length);
        } catch (IOException e) {
            return new ImageCheck.Rejected("unreadable: " + Reasons.oneLine(e));
        }
    }

    public ImageCheck check(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            return check(in, Files.size(file));
        } catch (IOException e) {
            return new ImageCheck.Rejected("unreadable: " + Reasons.oneLine(e));
        }
    }

    private ImageCheck check(ImageInputStream in, long length) {
        if (length == 0) {
            return new ImageCheck.Rejected("empty file");
        }
        if (length > limits.maxFileBytes()) {
            return new ImageCheck.Rejected("too large: " + length + " bytes (limit " + limits.maxFileBytes() + ")");
        }
        try {
            byte[] head = new byte[(int) Math.min(ImageFormat.SNIFF_BYTES, length)];
            in.readFully(head);
            Optional<ImageFormat> format = ImageFormat.sniff(head);
            if (format.isEmpty()) {
                return new ImageCheck.Rejected("not an image (unrecognised content)");
            }
            // The tail first: some readers flush the stream while parsing the header, so it cannot seek back after.
            Optional<String> truncated = EndMarkers.truncation(format.get(), in, length);
            if (truncated.isPresent()) {
                return new ImageCheck.Rejected(truncated.get());
            }
            in.seek(0);
            ImageHeader header = readHeader(format.get(), in);
            if (header.pixels() > limits.maxPixels()) {
                return new ImageCheck.Rejected("too many pixels: " + header.dimensions() + " is " + header.pixels() / 1_000_000
                        + " megapixels (limit " + limits.maxPixels() / 1_000_000 + ")");
            }
            return new ImageCheck.Accepted(header);
        } catch (IOException | RuntimeException e) {
            return new ImageCheck.Rejected("corrupt image: " + Reasons.oneLine(e));
        }
    }

    /** Width, height and colour model from the header; the reader decodes no pixels for these. */
    static ImageHeader readHeader(ImageFormat format, ImageInputStream in) throws IOException {
        ImageReader reader = reader(format);
        try {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new IOException("the header gives no size");
            }
            return new ImageHeader(format, width, height, describe(typeOf(reader)));
        } finally {
            reader.dispose();
        }
    }

    static ImageReader reader(ImageFormat format) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new IOException("no reader for " + format);
        }
        return readers.next();
    }

    private static ImageTypeSpecifier typeOf(ImageReader reader) {
        try {
            ImageTypeSpecifier raw = reader.getRawImageType(0);
            if (raw != null) {
                return raw;
            }
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            return types.hasNext() ? types.next() : null;
        } catch (IOException | RuntimeException e) {
            return null; // the colour model is a nicety for the preview; the size is what matters
        }
    }

    private static String describe(ImageTypeSpecifier type) {
        if (type == null) {
            return "unknown";
        }
        ColorModel model = type.getColorModel();
        String space = switch (model.getColorSpace().getType()) {
            case ColorSpace.TYPE_RGB -> "RGB";
            case ColorSpace.TYPE_GRAY -> "greyscale";
            case ColorSpace.TYPE_CMYK -> "CMYK";
            case ColorSpace.TYPE_YCbCr -> "YCbCr";
            default -> model.getNumColorComponents() + " channels";
        };
        String kind = model instanceof java.awt.image.IndexColorModel ? "indexed " : "";
        return kind + space + ", " + model.getPixelSize() + " bits per pixel" + (model.hasAlpha() ? ", alpha" : "");
    }
}
