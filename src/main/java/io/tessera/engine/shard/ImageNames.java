package io.tessera.engine.shard;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides at planning time, by file name alone, what counts as an image. Reading the contents comes
 * later, in the worker, where a non-image with an image's name fails that one image and not the plan.
 */
public final class ImageNames {
    private static final Set<String> EXTENSIONS = Set.of(
            "jpg", "jpeg", "jpe", "jfif", "png", "gif", "bmp", "wbmp", "tif", "tiff", "webp",
            "heic", "heif", "avif", "jp2", "j2k", "psd", "tga", "ico", "pnm", "pbm", "pgm", "ppm", "pam", "hdr", "pcx", "pict", "sgi");

    private ImageNames() {}

    public static boolean isImage(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1 || name.lastIndexOf('/') > dot) {
            return false;
        }
        return EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * A file a plan never takes: its name starts with '.' (temporaries of a write in progress, {@code .DS_Store},
     * {@code ._IMG_1.jpg}). A leading '_' does not hide a file: cameras name photos {@code _MG_1234.JPG}, and
     * Hadoop's '_' files ({@code _SUCCESS}) have no image extension anyway.
     */
    public static boolean isHiddenFile(String name) {
        return name.startsWith(".");
    }

    /**
     * A folder a plan never descends into, by Hadoop's convention: its name starts with '.' or '_'
     * ({@code _derived} outputs, {@code _temporary}, {@code .Trash}).
     */
    public static boolean isHiddenFolder(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    /** The first hidden folder of a relative folder path ("set/_old" → "_old"), or empty when a plan would go in. */
    public static Optional<String> hiddenPart(String relativeFolder) {
        for (String part : relativeFolder.split("/")) {
            if (isHiddenFolder(part)) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }
}
