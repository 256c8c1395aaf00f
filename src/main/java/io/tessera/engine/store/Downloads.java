package io.tessera.engine.store;

import io.tessera.engine.connect.ClusterConnection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Copies a file or a folder tree from the store to a local folder. Each file is written under a hidden
 * temporary name and renamed when complete; a name already taken locally gets " (1)", " (2)"….
 */
public final class Downloads {
    private final HdfsBrowser browser;

    public Downloads(ClusterConnection connection) {
        this(new HdfsBrowser(connection));
    }

    public Downloads(HdfsBrowser browser) {
        this.browser = browser;
    }

    /** Returns the local file or folder created. */
    public java.nio.file.Path download(String path, java.nio.file.Path localFolder) throws StoreException {
        try {
            FileSystem fs = browser.fs(path);
            Files.createDirectories(localFolder);
            return copy(fs, fs.getFileStatus(new Path(path)), localFolder);
        } catch (IOException e) {
            throw StoreErrors.translate(e, path, "download");
        }
    }

    private static java.nio.file.Path copy(FileSystem fs, FileStatus status, java.nio.file.Path localFolder) throws IOException {
        java.nio.file.Path target = freeName(localFolder, status.getPath().getName());
        if (status.isDirectory()) {
            Files.createDirectory(target);
            for (FileStatus child : fs.listStatus(status.getPath(), p -> !TemporaryNames.isTemporary(p.getName()))) {
                copy(fs, child, target);
            }
            return target;
        }
        java.nio.file.Path temp = localFolder.resolve("." + target.getFileName() + ".tessera-download-" + UUID.randomUUID());
        try (InputStream in = fs.open(status.getPath())) {
            Files.copy(in, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    private static java.nio.file.Path freeName(java.nio.file.Path folder, String name) {
        java.nio.file.Path candidate = folder.resolve(name);
        for (int n = 1; Files.exists(candidate); n++) {
            candidate = folder.resolve(NameVariants.numbered(name, n));
        }
        return candidate;
    }
}
