package io.tessera.engine.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * Deletes Tessera's temporaries ({@link TemporaryNames}) that nobody will rename any more, counted, and never
 * anything else: a name that is not one of ours is never touched, whatever its age.
 *
 * <p>A live writer is never swept, by two rules. A temporary still open for writing (under construction on the
 * NameNode, its writer's lease renewed while the writer lives) is kept whatever its age: HDFS sets a file's
 * modification time when it is created and again when it is closed, not while it is written, so the age of an
 * open file says nothing about its writer. A closed temporary is renamed by its writer the moment it is closed
 * (upload, output and manifest alike), so one closed and untouched for {@link #STALE_AFTER} is abandoned. An
 * abandoned open file is closed by the NameNode's lease recovery (hard limit 20 minutes by default), which sets
 * its modification time, and is stale {@link #STALE_AFTER} later. The hour is also far beyond any clock skew
 * between this machine and the NameNode, whose clock stamps the modification times.
 *
 * <p>Temporaries whose writer is known to be dead (an upload journal of a killed process) are deleted at once,
 * open or not: HDFS deletes a file under construction and drops its lease ({@link #sweepAbandoned}).
 */
public final class TemporarySweeper {
    /** A closed temporary untouched this long is abandoned. */
    public static final Duration STALE_AFTER = Duration.ofHours(1);
    private static final byte[] BEFORE_FIRST_TEMPORARY = TemporaryNames.PREFIX.getBytes(StandardCharsets.UTF_8);

    private final FileSystem fs;
    private final Duration staleAfter;
    private final Clock clock;

    public TemporarySweeper(FileSystem fs) {
        this(fs, STALE_AFTER, Clock.systemUTC());
    }

    public TemporarySweeper(FileSystem fs, Duration staleAfter, Clock clock) {
        this.fs = fs;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /** What a sweep did: temporaries deleted, and those kept because they were too fresh or still open. */
    public record Sweep(int deleted, int fresh, int open) {
        public static final Sweep NONE = new Sweep(0, 0, 0);

        public Sweep plus(Sweep other) {
            return new Sweep(deleted + other.deleted, fresh + other.fresh, open + other.open);
        }
    }

    /**
     * Deletes the stale temporaries of these kinds directly in {@code folder} (not below it). On HDFS this lists only
     * the temporaries (they sort together, after {@code .tsr-}): one NameNode call for a folder of any size.
     * A folder that does not exist has none.
     */
    public Sweep sweep(String folder, Set<TemporaryNames.Kind> kinds) throws IOException {
        DirectoryBatches batches = fs instanceof DistributedFileSystem dfs
                ? new NameNodeBatches(dfs.getClient(), folder, BEFORE_FIRST_TEMPORARY)
                : new IteratorBatches(fs, new Path(folder));
        Sweep sweep = Sweep.NONE;
        try {
            while (true) {
                DirectoryBatches.Batch batch = batches.next();
                for (HdfsEntry entry : batch.entries()) {
                    if (fs instanceof DistributedFileSystem && !entry.name().startsWith(TemporaryNames.PREFIX)) {
                        return sweep; // past the temporaries
                    }
                    sweep = sweep.plus(consider(entry, kinds));
                }
                if (!batch.hasMore()) {
                    return sweep;
                }
            }
        } catch (FileNotFoundException missing) {
            return sweep;
        }
    }

    /**
     * Deletes these temporaries (absolute paths) whatever their age or state: their writer is known to be dead.
     * A path whose name is not one of ours is left alone.
     */
    public Sweep sweepAbandoned(Collection<String> temporaries) throws IOException {
        int deleted = 0;
        for (String temporary : temporaries) {
            Path path = new Path(temporary);
            if (TemporaryNames.isTemporary(path.getName()) && fs.delete(path, false)) {
                deleted++;
            }
        }
        return new Sweep(deleted, 0, 0);
    }

    private Sweep consider(HdfsEntry entry, Set<TemporaryNames.Kind> kinds) throws IOException {
        if (entry.directory() || TemporaryNames.kindOf(entry.name()).filter(kinds::contains).isEmpty()) {
            return Sweep.NONE;
        }
        if (entry.modified().plus(staleAfter).isAfter(clock.instant())) {
            return new Sweep(0, 1, 0);
        }
        Path path = new Path(entry.path());
        try {
            if (fs instanceof DistributedFileSystem dfs && !dfs.isFileClosed(path)) {
                return new Sweep(0, 0, 1);
            }
            return fs.delete(path, false) ? new Sweep(1, 0, 0) : Sweep.NONE;
        } catch (FileNotFoundException gone) {
            return Sweep.NONE; // renamed or swept by someone else meanwhile
        }
    }
}
