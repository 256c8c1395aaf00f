package io.tessera.engine.store;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.images.ImageInspector;
import io.tessera.engine.images.ImageMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * Read-only access to a file system for the browser: paged folder listings, status, block placement,
 * and the bytes of a file (bounded). Every call does I/O: call it off the UI thread. Paths are absolute
 * strings ("/tessera/set-1/a.jpg"); failures are {@link StoreException}s with a readable message.
 */
public final class HdfsBrowser {
    private final FileSystemSource source;

    public HdfsBrowser(ClusterConnection connection) {
        this(connection::fileSystem);
    }

    HdfsBrowser(FileSystemSource source) {
        this.source = source;
    }

    /** The same API over the local disk: the baseline for benchmarks, and handy in tests. */
    public static HdfsBrowser onLocalDisk() {
        return new HdfsBrowser(FileSystemSource.localDisk());
    }

    /** Opens a folder for paged reading; nothing is listed until the first {@link FolderCursor#nextPage}. */
    public FolderCursor list(String folder, EntryFilter filter) throws StoreException {
        HdfsEntry entry = stat(folder);
        if (!entry.directory()) {
            throw new StoreException(StoreException.Problem.NOT_A_FILE, folder, "not a folder: " + folder);
        }
        FileSystem fs = fs(folder);
        DirectoryBatches batches = fs instanceof DistributedFileSystem dfs
                ? new NameNodeBatches(dfs.getClient(), entry.path())
                : new IteratorBatches(fs, new Path(entry.path()));
        return new FolderCursor(entry.path(), batches, filter);
    }

    public HdfsEntry stat(String path) throws StoreException {
        try {
            return Entries.of(fs(path).getFileStatus(new Path(path)));
        } catch (IOException e) {
            throw StoreErrors.translate(e, path, "read");
        }
    }

    public boolean exists(String path) throws StoreException {
        try {
            return fs(path).exists(new Path(path));
        } catch (IOException e) {
            throw StoreErrors.translate(e, path, "read");
        }
    }

    /** The user's home folder on this file system (e.g. /user/alice). */
    public String home() throws StoreException {
        return fs("/").getHomeDirectory().toUri().getPath();
    }

    public List<BlockPlacement> blocks(String path) throws StoreException {
        try {
            FileSystem fs = fs(path);
            FileStatus status = fs.getFileStatus(new Path(path));
            if (status.isDirectory()) {
                return List.of();
            }
            BlockLocation[] locations = fs.getFileBlockLocations(status, 0, status.getLen());
            List<BlockPlacement> blocks = new ArrayList<>(locations.length);
            for (int i = 0; i < locations.length; i++) {
                BlockLocation b = locations[i];
                blocks.add(new BlockPlacement(i, b.getOffset(), b.getLength(), List.of(b.getNames()), b.isCorrupt()));
            }
            return blocks;
        } catch (IOException e) {
            throw StoreErrors.translate(e, path, "read");
        }
    }

    /** A whole file in memory, refused when larger than {@code maxBytes} (previews and thumbnails only). */
    public byte[] read(String path, long maxBytes) throws StoreException {
        try (FSDataInputStream in = fs(path).open(new Path(path))) {
            return readBounded(in, path, maxBytes);
        } catch (IOException e) {
            throw StoreErrors.translate(e, path, "read");
        }
    }

    /** Format, dimensions, colour model and EXIF of an image file, or the reason it is not one. */
    public ImageMetadata.MetadataResult imageMetadata(String path, ImageInspector inspector) throws StoreException {
        return ImageMetadata.of(read(path, inspector.limits().maxFileBytes()), inspector);
    }

    private static byte[] readBounded(InputStream in, String path, long maxBytes) throws IOException, StoreException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new StoreException(StoreException.Problem.FAILED, path, "too large to read whole: " + path + " is over " + maxBytes + " bytes");
        }
        return bytes;
    }

    FileSystem fs(String path) throws StoreException {
        try {
            return source.get();
        } catch (IOException e) {
            throw StoreErrors.translate(e, path, "connect to read");
        }
    }
}
