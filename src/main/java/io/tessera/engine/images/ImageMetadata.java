package io.tessera.engine.images;

import java.util.Optional;

/** What the preview pane shows about an image: its header, and EXIF when the file has any. */
public record ImageMetadata(ImageHeader header, Optional<ExifSummary> exif) {

    /** Metadata of an accepted image, or the reason the bytes are not one. */
    public static MetadataResult of(byte[] bytes, ImageInspector inspector) {
        ImageCheck check = inspector.check(bytes);
        if (check instanceof ImageCheck.Accepted(ImageHeader header)) {
            return new MetadataResult.Found(new ImageMetadata(header, ExifReader.read(bytes)));
        }
        return new MetadataResult.NotAnImage(((ImageCheck.Rejected) check).reason());
    }

    public sealed interface MetadataResult {
        record Found(ImageMetadata metadata) implements MetadataResult {}

        record NotAnImage(String reason) implements MetadataResult {}
    }
}
