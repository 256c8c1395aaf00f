package io.tessera.engine.worker;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.client.HdfsDataInputStream;

/**
 * Reads one input whole, within the size cap (the profile's largest input size). In steps, so that each can refuse
 * the file before the next costs anything: opening it (missing, a folder, larger than the cap: HDFS gives the length
 * with the block locations) before a byte is read; then its first {@link #HEAD_BYTES} on their own, for a
 * {@link HeadCheck} (content and header) before the rest is allocated and read. Storage errors are thrown as HDFS
 * threw them ({@link StorageFailures} sorts them). A file is read only once the worker's {@link InputBudget} has room
 * for it.
 */
final class InputReader {
    /** What a header check sees of a file before the rest of it is read. */
    static final int HEAD_BYTES = 64 * 1024;

    /** Looks at the first bytes of a file (all of them when it is shorter); a reason refuses it before the rest is read. */
    @FunctionalInterface
    interface HeadCheck {
        HeadCheck NONE = (head, length) -> Optional.empty();

        Optional<String> refusal(byte[] head, long length);

        /**
         * The inspector's verdict on the head: not an image, a declared size the file lacks, too many pixels. A header
         * further in than the head (a camera JPEG's large EXIF) is left to the whole-file check after the read.
         */
        static HeadCheck of(io.tessera.engine.images.ImageInspector inspector) {
            return (head, length) -> inspector.checkHead(head, length) instanceof io.tessera.engine.images.HeadCheck.Rejected(String reason)
                    ? Optional.of(reason) : Optional.empty();
        }
    }

    /** The whole file, or why not. */
    sealed interface Input {
        /** @param bytes the file in native memory, with its share of the {@link InputBudget}: the caller closes it */
        record Read(InputBytes bytes) implements Input {}

        record Refused(String reason) implements Input {}
    }

    private final FileSystem fs;
    private final HeadCheck headCheck;
    private final InputBudget budget;

    InputReader(FileSystem fs, HeadCheck headCheck) {
        this(fs, headCheck, InputBudget.UNLIMITED);
    }

    /** @param budget what all readers of a worker hold at once: a read waits for its file's share before the head is read */
    InputReader(FileSystem fs, HeadCheck headCheck, InputBudget budget) {
        this.fs = fs;
        this.headCheck = headCheck;
        this.budget = budget;
    }

    Input read(String image, long maxBytes) throws IOException, InterruptedException {
        Path path = new Path(image);
        try (FSDataInputStream in = open(path)) {
            if (in == null) {
                return new Input.Refused("not a file");
            }
            long length = lengthOf(in, path);
            if (length > maxBytes) {
                return new Input.Refused("too large: " + length + " bytes, over the largest input size of " + sizeText(maxBytes) + " (a profile setting)");
            }
            return read(in, length);
        }
    }

    /**
     * The open file, or null when the path is a folder. Opening asks the NameNode for the block locations, which carry
     * the file's length: no separate status call per image. Only a failed open costs a status call, to tell a folder
     * from a missing file.
     */
    private FSDataInputStream open(Path path) throws IOException {
        try {
            return fs.open(path);
        } catch (FileNotFoundException notAFile) {
            if (isFolder(path)) {
                return null;
            }
            throw notAFile;
        }
    }

    private boolean isFolder(Path path) {
        try {
            return fs.getFileStatus(path).isDirectory();
        } catch (IOException | RuntimeException gone) {
            return false; // missing after all: the open's own error says so
        }
    }

    /** The length HDFS gave with the block locations; another file system's from the file's status. */
    private long lengthOf(FSDataInputStream in, Path path) throws IOException {
        return in instanceof HdfsDataInputStream hdfs ? hdfs.getVisibleLength() : fs.getFileStatus(path).getLen();
    }

    private Input read(FSDataInputStream in, long length) throws IOException, InterruptedException {
        InputBudget.Lease share = budget.take(length);
        InputBytes bytes = null;
        try {
            // one sequential read from the start: a single block reader (one request to the DataNode) per file, where
            // positioned reads set one up per call
            byte[] head = new byte[(int) Math.min(length, HEAD_BYTES)];
            in.readFully(head);
            Optional<String> refusal = headCheck.refusal(head, length);
            if (refusal.isPresent()) {
                share.close();
                return new Input.Refused(refusal.get());
            }
            bytes = InputBytes.allocate((int) length, share);
            ByteBuffer rest = bytes.buffer().put(head);
            readFully(in, rest);
            return new Input.Read(bytes);
        } catch (IOException | RuntimeException | Error e) {
            if (bytes != null) {
                bytes.close(); // gives the share back with the memory
            } else {
                share.close();
            }
            throw e;
        }
    }

    /** What is left of {@code into}, from where the stream is: straight into native memory where the file system can. */
    private static void readFully(FSDataInputStream in, ByteBuffer into) throws IOException {
        if (!into.hasRemaining()) {
            return;
        }
        try {
            while (into.hasRemaining()) {
                if (in.read(into) < 0) {
                    throw new EOFException("the file ended " + into.remaining() + " bytes before its stated length");
                }
            }
        } catch (UnsupportedOperationException notHdfs) {
            byte[] chunk = new byte[HEAD_BYTES];
            while (into.hasRemaining()) {
                int n = Math.min(chunk.length, into.remaining());
                in.readFully(chunk, 0, n);
                into.put(chunk, 0, n);
            }
        }
    }

    private static String sizeText(long bytes) {
        long mib = 1024 * 1024;
        return bytes % mib == 0 ? bytes / mib + " MB" : bytes + " bytes";
    }
}
