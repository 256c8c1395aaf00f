package io.tessera.engine.store;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/** A folder's entries as the server hands them out: one call per batch, in name order. */
interface DirectoryBatches {

    /** The next batch; empty with {@code hasMore == false} at the end. */
    Batch next() throws IOException;

    record Batch(List<HdfsEntry> entries, boolean hasMore, OptionalLong remaining) {}
}
