package io.tessera.engine.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.hadoop.hdfs.DFSClient;
import org.apache.hadoop.hdfs.protocol.DirectoryListing;
import org.apache.hadoop.hdfs.protocol.HdfsFileStatus;

/**
 * Pages straight from the NameNode: each call returns up to {@code dfs.ls.limit} (default 1000)
 * entries after the last name seen, and says how many remain, so the folder's size is known after
 * the first call without listing it.
 */
final class NameNodeBatches implements DirectoryBatches {
    private final DFSClient client;
    private final String folder;
    private byte[] startAfter = HdfsFileStatus.EMPTY_NAME;
    private boolean done;

    NameNodeBatches(DFSClient client, String folder) {
        this(client, folder, HdfsFileStatus.EMPTY_NAME);
    }

    /** From the first name after {@code startAfter} (UTF-8 bytes; the NameNode keeps names in byte order). */
    NameNodeBatches(DFSClient client, String folder, byte[] startAfter) {
        this.client = client;
        this.folder = folder;
        this.startAfter = startAfter;
    }

    @Override
    public Batch next() throws IOException {
        if (done) {
            return new Batch(List.of(), false, OptionalLong.of(0));
        }
        DirectoryListing listing = client.listPaths(folder, startAfter, false);
        if (listing == null) {
            throw new FileNotFoundException(folder);
        }
        HdfsFileStatus[] partial = listing.getPartialListing();
        List<HdfsEntry> entries = new ArrayList<>(partial.length);
        for (HdfsFileStatus status : partial) {
            entries.add(Entries.of(folder, status));
        }
        done = !listing.hasMore();
        if (!done) {
            startAfter = listing.getLastName();
        }
        return new Batch(entries, !done, OptionalLong.of(done ? 0 : listing.getRemainingEntries()));
    }
}
