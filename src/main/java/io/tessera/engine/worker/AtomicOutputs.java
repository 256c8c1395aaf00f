package io.tessera.engine.worker;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes outputs to a hidden temporary name beside the final one and renames it into place, so a reader
 * never sees half a file. HDFS renames do not overwrite: when the output exists already (an earlier attempt
 * of a retried task, or a second worker holding the same task), that output stays and the temporary goes.
 * Either way each input ends with exactly one output.
 */
final class AtomicOutputs {
    private final FileSystem fs;

    AtomicOutputs(FileSystem fs) {
        this.fs = fs;
    }

    /** @return true when this call put the file in place, false when an existing output was kept */
    boolean write(String path, byte[] bytes) throws IOException {
        Path target = new Path(path);
        Path temporary = new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
        fs.mkdirs(target.getParent());
        try (FSDataOutputStream out = fs.create(temporary, false)) {
            out.write(bytes);
        }
        if (fs.rename(temporary, target)) {
            return true;
        }
        fs.delete(temporary, false);
        if (!fs.exists(target)) {
            throw new IOException("could not move the output into place at " + path);
        }
        return false;
    }
}
