package io.tessera.engine.store;

import io.tessera.engine.images.ImageFormat;
import java.time.Instant;

/**
 * One file or folder as the browser shows it. {@code path} is absolute within the file system
 * (no scheme or host); {@code permission} reads like {@code ls -l}: "drwxr-xr-x".
 */
public record HdfsEntry(String name, String path, boolean directory, long size, Instant modified,
                        String owner, String group, String permission, short replication, long blockSize) {

    /** By extension only: the fast hint a listing can afford. Content is sniffed when the image is read. */
    public boolean looksLikeImage() {
        return !directory && ImageFormat.hasImageExtension(name);
    }
}
