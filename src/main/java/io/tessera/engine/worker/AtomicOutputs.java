package io.tessera.engine.worker;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes outputs to a hidden temporary name beside the final one and renames it into place, so a reader
 * never sees half a file. HDFS renames do not overwrite: when the output exists already (an earlier attempt
 * of a retried task, or a second worker holding the same task), that output stays and the temporary goes.
 * Either way each input ends with exactly one output. A worker killed mid-write leaves its temporary
 * behind; whoever writes that output again (a re-run of the task: {@code sweepStale}) removes such leftovers.
 */
final class AtomicOutputs {
    private final FileSystem fs;

    AtomicOutputs(FileSystem fs) {
        this.fs = fs;
    }

    /**
     * @param sweepStale also delete other temporaries of this output (left by a worker that died writing it);
     *                   costs a listing of the folder, so only re-runs of a task ask for it
     * @return true when this call put the file in place, false when an existing output was kept
     */
    boolean write(String path, byte[] bytes, boolean sweepStale) throws IOException {
        Path target = new Path(path);
        String temporaryPrefix = "." + target.getName() + ".tmp-";
        Path temporary = new Path(target.getParent(), temporaryPrefix + UUID.randomUUID());
        // create() makes missing parent folders itself: no mkdirs call (a NameNode round trip) per image
        try (FSDataOutputStream out = fs.create(temporary, false)) {
            out.write(bytes);
        }
        boolean placed = fs.rename(temporary, target);
        if (!placed) {
            fs.delete(temporary, false);
            if (!fs.exists(target)) {
                throw new IOException("could not move the output into place at " + path);
            }
        }
        if (sweepStale) {
            for (FileStatus stale : fs.listStatus(target.getParent(), p -> p.getName().startsWith(temporaryPrefix))) {
                fs.delete(stale.getPath(), false); // HDFS deletes a file still open by a dead writer, and drops its lease
            }
        }
        return placed;
    }
}
