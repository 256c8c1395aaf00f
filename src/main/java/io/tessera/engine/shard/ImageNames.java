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
     * Hadoop's convention: names starting with '.' or '_' are hidden (temp files of a write in progress,
     * {@code _derived} outputs, {@code _SUCCESS} markers). A plan never takes them as input.
     */
    public static boolean isHidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    /** The first hidden component of a relative path ("set/_old/a.jpg" → "_old"), or empty when a plan would take it. */
    public static Optional<String> hiddenPart(String relative) {
        for (String part : relative.split("/")) {
            if (isHidden(part)) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }
}
