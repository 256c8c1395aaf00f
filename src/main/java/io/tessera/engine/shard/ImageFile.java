package io.tessera.engine.shard;

import java.util.Comparator;

/** One input image as a listing names it: its path (relative to the job's input folder or absolute) and size in bytes. */
public record ImageFile(String path, long size) {
    /** Paths compare by their UTF-16 code units, the same on every machine and locale: plans must not depend on either. */
    public static final Comparator<ImageFile> BY_PATH = Comparator.comparing(ImageFile::path);

    public ImageFile {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("an image needs a path");
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size for " + path);
        }
    }
}
