package io.tessera.engine.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** Any other Hadoop file system (local disk, object stores): its lazy iterator, cut into batches; no count ahead. */
final class IteratorBatches implements DirectoryBatches {
    private static final int BATCH = 1000;

    private final FileSystem fs;
    private final Path folder;
    private RemoteIterator<FileStatus> iterator;

    IteratorBatches(FileSystem fs, Path folder) {
        this.fs = fs;
        this.folder = folder;
    }

    @Override
    public Batch next() throws IOException {
        if (iterator == null) {
            iterator = fs.listStatusIterator(folder);
        }
        List<HdfsEntry> entries = new ArrayList<>();
        while (entries.size() < BATCH && iterator.hasNext()) {
            entries.add(Entries.of(iterator.next()));
        }
        boolean more = iterator.hasNext();
        return new Batch(entries, more, more ? OptionalLong.empty() : OptionalLong.of(0));
    }
}
