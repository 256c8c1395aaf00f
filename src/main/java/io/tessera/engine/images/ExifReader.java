package io.tessera.engine.images;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.Optional;

/** EXIF through metadata-extractor; a missing or broken EXIF block is simply absent, never an error. */
public final class ExifReader {
    private ExifReader() {}

    public static Optional<ExifSummary> read(byte[] bytes) {
        return read(new ByteArrayInputStream(bytes), bytes.length);
    }

    /** From a buffer's position to its limit (e.g. native memory a file was read into). */
    public static Optional<ExifSummary> read(ByteBuffer bytes) {
        ByteBuffer view = bytes.slice();
        return read(new InputStream() {
            @Override
            public int read() {
                return view.hasRemaining() ? view.get() & 0xFF : -1;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (!view.hasRemaining()) {
                    return length == 0 ? 0 : -1;
                }
                int n = Math.min(length, view.remaining());
                view.get(into, offset, n);
                return n;
            }
        }, view.remaining());
    }

    private static Optional<ExifSummary> read(InputStream in, long length) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(in, length);
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
            if (ifd0 == null && sub == null && gps == null) {
                return Optional.empty();
            }
            String make = ifd0 == null ? null : trimmed(ifd0.getString(ExifIFD0Directory.TAG_MAKE));
            String model = ifd0 == null ? null : trimmed(ifd0.getString(ExifIFD0Directory.TAG_MODEL));
            Integer orientation = ifd0 == null ? null : ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            Date taken = sub == null ? null : sub.getDateOriginal();
            if (taken == null && ifd0 != null) {
                taken = ifd0.getDate(ExifIFD0Directory.TAG_DATETIME);
            }
            boolean hasGps = gps != null && gps.getGeoLocation() != null;
            return Optional.of(new ExifSummary(make, model, taken == null ? null : taken.toInstant(), orientation, hasGps));
        } catch (Exception | LinkageError e) {
            return Optional.empty();
        }
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
