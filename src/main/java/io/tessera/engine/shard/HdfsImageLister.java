package io.tessera.engine.shard;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The images under an HDFS folder, recursively, as a lazy listing for {@link ShardPlanner}. The
 * NameNode answers {@code listFiles(path, true)} in batches (dfs.ls.limit entries per call), and this
 * iterator holds one batch at a time. Paths come out relative to the folder; hidden files and folders
 * ('.' or '_' first) and names without an image extension are left out.
 */
public final class HdfsImageLister {
    private HdfsImageLister() {}

    /**
     * @throws FileNotFoundException when the folder does not exist; I/O errors later, while iterating,
     *         arrive as {@link UncheckedIOException}
     */
    public static Iterable<ImageFile> images(FileSystem fs, String folder) throws IOException {
        Path root = fs.makeQualified(new Path(folder));
        if (!fs.getFileStatus(root).isDirectory()) {
            throw new FileNotFoundException(folder + " is a file, not a folder");
        }
        String prefix = root.toUri().getPath().endsWith("/") ? root.toUri().getPath() : root.toUri().getPath() + "/";
        return () -> new Listing(fs, root, prefix);
    }

    private static final class Listing implements Iterator<ImageFile> {
        private final RemoteIterator<LocatedFileStatus> files;
        private final String prefix;
        private ImageFile next;

        Listing(FileSystem fs, Path root, String prefix) {
            this.prefix = prefix;
            try {
                this.files = fs.listFiles(root, true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null && files.hasNext()) {
                    LocatedFileStatus status = files.next();
                    String relative = status.getPath().toUri().getPath().substring(prefix.length());
                    if (status.isFile() && accepted(relative)) {
                        next = new ImageFile(relative, status.getLen());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("listing " + prefix + " failed: " + e.getMessage(), e);
            }
            return next != null;
        }

        @Override
        public ImageFile next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ImageFile result = next;
            next = null;
            return result;
        }

        private static boolean accepted(String relative) {
            for (String part : relative.split("/")) {
                if (ImageNames.isHidden(part)) {
                    return false;
                }
            }
            return ImageNames.isImage(relative);
        }
    }
}
