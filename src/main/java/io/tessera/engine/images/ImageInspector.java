package io.tessera.engine.images;

import io.tessera.engine.Reasons;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decides whether content is an image we will handle before any pixel is decoded: the format by magic bytes,
 * the width and height from the header (own small parsers, {@link HeaderParser}), the pixel limit, and a
 * truncation check. Never throws for bad content; every problem becomes a reason.
 *
 * <p>{@link #checkHead} needs only the first bytes of a file and its length, so a reader can refuse a
 * decompression bomb or a text file named {@code .jpg} after its first kilobyte.
 */
public final class ImageInspector {
    /** What {@link #check(Path)} reads first; a JPEG's EXIF and ICC segments before its frame header can need more. */
    private static final int FIRST_READ = 64 * 1024;

    private final ImageLimits limits;

    public ImageInspector(ImageLimits limits) {
        this.limits = limits;
    }

    public ImageLimits limits() {
        return limits;
    }

    /** The whole file in memory: head, tail and header. */
    public ImageCheck check(byte[] bytes) {
        return check(bytes.length, (offset, n) -> offset == 0 && n == bytes.length ? bytes : Arrays.copyOfRange(bytes, (int) offset, (int) offset + n));
    }

    /** Bytes in a buffer, from its position to its limit (e.g. native memory a file was read into). */
    public ImageCheck check(ByteBuffer bytes) {
        ByteBuffer view = bytes.slice();
        return check(view.remaining(), (offset, n) -> {
            byte[] range = new byte[n];
            view.get((int) offset, range);
            return range;
        });
    }

    /** A file on disk: reads its first bytes (more if the header needs them) and its last kilobyte, not the rest. */
    public ImageCheck check(Path file) {
        try (FileChannel channel = FileChannel.open(file)) {
            return check(channel.size(), (offset, n) -> {
                ByteBuffer buffer = ByteBuffer.allocate(n);
                while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) >= 0) {
                    // positional reads until full
                }
                return buffer.array();
            });
        } catch (IOException e) {
            return new ImageCheck.Rejected("unreadable: " + Reasons.oneLine(e));
        }
    }

    /**
     * The first bytes of a file ({@code head}, any length) and its whole {@code length}: refuses what is not an
     * image, too large, declares a length the file lacks (WebP, BMP) or claims too many pixels. The end markers
     * are not looked at; {@link #check} of the whole file does that.
     */
    public HeadCheck checkHead(byte[] head, long length) {
        Optional<String> size = refusedBySize(length);
        if (size.isPresent()) {
            return new HeadCheck.Rejected(size.get());
        }
        if (head.length < Math.min(ImageFormat.SNIFF_BYTES, length)) {
            return new HeadCheck.NeedMore(Math.min(ImageFormat.SNIFF_BYTES, length));
        }
        Optional<ImageFormat> format = ImageFormat.sniff(head);
        if (format.isEmpty()) {
            return new HeadCheck.Rejected("not an image (unrecognised content)");
        }
        Head bytes = new Head(head, length);
        Optional<String> declared = EndMarkers.shorterThanDeclared(format.get(), bytes);
        return declared.<HeadCheck>map(HeadCheck.Rejected::new).orElseGet(() -> header(format.get(), bytes));
    }

    /** Reads {@code n} bytes of the file from {@code offset}. */
    private interface Ranges {
        byte[] read(long offset, int n) throws IOException;
    }

    private ImageCheck check(long length, Ranges file) {
        try {
            Optional<String> size = refusedBySize(length);
            if (size.isPresent()) {
                return new ImageCheck.Rejected(size.get());
            }
            byte[] head = file.read(0, (int) Math.min(length, FIRST_READ));
            Optional<ImageFormat> format = ImageFormat.sniff(head);
            if (format.isEmpty()) {
                return new ImageCheck.Rejected("not an image (unrecognised content)");
            }
            int tail = (int) Math.min(EndMarkers.TAIL, length);
            Optional<String> truncated = EndMarkers.shorterThanDeclared(format.get(), new Head(head, length))
                    .or(() -> EndMarkers.missingEnd(format.get(), read(file, length - tail, tail)));
            if (truncated.isPresent()) {
                return new ImageCheck.Rejected(truncated.get());
            }
            while (true) {
                switch (header(format.get(), new Head(head, length))) {
                    case HeadCheck.Accepted(ImageHeader header) -> {
                        return new ImageCheck.Accepted(header);
                    }
                    case HeadCheck.Rejected(String reason) -> {
                        return new ImageCheck.Rejected(reason);
                    }
                    case HeadCheck.NeedMore(long bytes) -> head = file.read(0, (int) Math.min(length, Math.max(bytes, 2L * head.length)));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return new ImageCheck.Rejected("unreadable: " + Reasons.oneLine(e));
        }
    }

    private static byte[] read(Ranges file, long offset, int n) {
        try {
            return file.read(offset, n);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Optional<String> refusedBySize(long length) {
        if (length == 0) {
            return Optional.of("empty file");
        }
        if (length > limits.maxFileBytes()) {
            return Optional.of("too large: " + length + " bytes (limit " + limits.maxFileBytes() + ")");
        }
        return Optional.empty();
    }

    private HeadCheck header(ImageFormat format, Head head) {
        try {
            ImageHeader header = HeaderParser.of(format).parse(head);
            if (header.pixels() > limits.maxPixels()) {
                return new HeadCheck.Rejected("too many pixels: " + header.dimensions() + " is " + header.pixels() / 1_000_000
                        + " megapixels (limit " + limits.maxPixels() / 1_000_000 + ")");
            }
            return new HeadCheck.Accepted(header);
        } catch (Head.MoreNeeded more) {
            return new HeadCheck.NeedMore(more.bytes);
        } catch (Head.Corrupt corrupt) {
            return new HeadCheck.Rejected("corrupt image: " + corrupt.getMessage());
        }
    }
}
