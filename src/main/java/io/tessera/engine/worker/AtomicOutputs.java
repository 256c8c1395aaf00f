package io.tessera.engine.worker;

import io.tessera.engine.store.TemporaryNames;
import java.io.IOException;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes outputs to a hidden temporary name beside the final one ({@link TemporaryNames}: short and of fixed length,
 * so any final name HDFS accepts has a valid temporary) and renames it into place, so a reader never sees half a
 * file. HDFS renames do not overwrite: when the output exists already (an earlier attempt of a retried task, or a
 * second worker holding the same task), that output stays and the temporary goes. Either way each input ends with
 * exactly one output. A write that fails removes its temporary; a worker killed mid-write leaves its temporary behind,
 * and whoever writes that output again (a re-run of the task: {@code sweepStale}) removes such leftovers.
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
     * @throws IOException as HDFS threw it (see {@link StorageFailures} for what it means), the temporary removed
     */
    boolean write(String path, byte[] bytes, boolean sweepStale) throws IOException {
        Path target = new Path(path);
        Path temporary = new Path(target.getParent(), TemporaryNames.of(TemporaryNames.Kind.OUTPUT, target.getName()));
        boolean placed;
        try {
            // create() makes missing parent folders itself: no mkdirs call (a NameNode round trip) per image
            try (FSDataOutputStream out = fs.create(temporary, false)) {
                out.write(bytes);
            }
            placed = fs.rename(temporary, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary, e); // e.g. the final name is too long, or the quota ran out while writing
            throw e;
        }
        if (!placed) {
            fs.delete(temporary, false);
            if (!fs.exists(target)) {
                throw new IOException("could not move the output into place at " + path);
            }
        }
        if (sweepStale) {
            String prefix = TemporaryNames.prefixOf(TemporaryNames.Kind.OUTPUT, target.getName());
            for (FileStatus stale : fs.listStatus(target.getParent(), p -> p.getName().startsWith(prefix))) {
                fs.delete(stale.getPath(), false); // HDFS deletes a file still open by a dead writer, and drops its lease
            }
        }
        return placed;
    }

    private void deleteQuietly(Path temporary, Exception cause) {
        try {
            fs.delete(temporary, false);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e); // left for a later sweep; the write's own error is what counts
        }
    }
}
