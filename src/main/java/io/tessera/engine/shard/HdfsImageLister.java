package io.tessera.engine.shard;

import io.tessera.engine.store.TemporaryNames;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The images under an HDFS folder, recursively, as a lazy listing for {@link ShardPlanner}. The
 * NameNode answers {@code listFiles(path, true)} in batches (dfs.ls.limit entries per call), and this
 * iterator holds one batch at a time. Paths come out relative to the folder; Tessera's temporaries, hidden
 * files ('.' first) and folders ('.' or '_' first) and names without an image extension are left out, each counted
 * with its reason in a {@link LeftOut.Tally} when the caller passes one.
 */
public final class HdfsImageLister {
    private HdfsImageLister() {}

    /**
     * @throws FileNotFoundException when the folder does not exist; I/O errors later, while iterating,
     *         arrive as {@link UncheckedIOException}
     */
    public static Iterable<ImageFile> images(FileSystem fs, String folder) throws IOException {
        return images(fs, folder, new LeftOut.Tally());
    }

    /** As {@link #images(FileSystem, String)}, counting what is left out in {@code leftOut} as the listing goes. */
    public static Iterable<ImageFile> images(FileSystem fs, String folder, LeftOut.Tally leftOut) throws IOException {
        Path root = fs.makeQualified(new Path(folder));
        if (!fs.getFileStatus(root).isDirectory()) {
            throw new FileNotFoundException(folder + " is a file, not a folder");
        }
        String prefix = root.toUri().getPath().endsWith("/") ? root.toUri().getPath() : root.toUri().getPath() + "/";
        return () -> new Listing(fs, root, prefix, leftOut);
    }

    /** Why a file (path relative to the listed folder) is not an input; empty when it is one. */
    static Optional<LeftOut.Reason> leftOut(String relative) {
        int slash = relative.lastIndexOf('/');
        String name = relative.substring(slash + 1);
        if (TemporaryNames.isTemporary(name)) {
            return Optional.of(LeftOut.Reason.TEMPORARY);
        }
        if (slash > 0 && ImageNames.hiddenPart(relative.substring(0, slash)).isPresent()) {
            return Optional.of(LeftOut.Reason.IN_HIDDEN_FOLDER);
        }
        if (ImageNames.isHiddenFile(name)) {
            return Optional.of(LeftOut.Reason.HIDDEN_NAME);
        }
        return ImageNames.isImage(relative) ? Optional.empty() : Optional.of(LeftOut.Reason.NOT_AN_IMAGE);
    }

    private static final class Listing implements Iterator<ImageFile> {
        private final RemoteIterator<LocatedFileStatus> files;
        private final String prefix;
        private final LeftOut.Tally leftOut;
        private ImageFile next;

        Listing(FileSystem fs, Path root, String prefix, LeftOut.Tally leftOut) {
            this.prefix = prefix;
            this.leftOut = leftOut;
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
                    if (status.isFile()) {
                        Optional<LeftOut.Reason> reason = leftOut(relative);
                        if (reason.isEmpty()) {
                            next = new ImageFile(relative, status.getLen());
                        } else {
                            leftOut.add(reason.get());
                        }
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
    }
}
