package io.tessera.engine.store;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads one folder page by page, asking the server for the next batch only when the caller wants
 * more: the first screen of a 100,000-entry folder costs one round trip. Not thread-safe; one
 * listing task owns it. Entries come in the server's order (by name); sort what is loaded with {@link EntryOrder}.
 * Tessera's temporaries ({@link TemporaryNames}) are never returned, whatever the filter; other hidden names are.
 */
public final class FolderCursor {
    private final String folder;
    private final DirectoryBatches batches;
    private final EntryFilter filter;
    private final Deque<HdfsEntry> buffered = new ArrayDeque<>();
    private boolean serverHasMore = true;
    private long total = -1;
    private long fetched;
    private int serverCalls;

    FolderCursor(String folder, DirectoryBatches batches, EntryFilter filter) {
        this.folder = folder;
        this.batches = batches;
        this.filter = filter;
    }

    public String folder() {
        return folder;
    }

    /** Up to {@code max} entries that pass the filter; an empty list only at the end of the folder. */
    public List<HdfsEntry> nextPage(int max) throws StoreException {
        List<HdfsEntry> page = new ArrayList<>(Math.min(max, 1024));
        while (page.size() < max) {
            if (buffered.isEmpty()) {
                if (!serverHasMore) {
                    break;
                }
                fetch();
                continue;
            }
            HdfsEntry entry = buffered.poll();
            if (!TemporaryNames.isTemporary(entry.name()) && filter.matches(entry)) { // a write in progress is nobody's to see
                page.add(entry);
            }
        }
        return page;
    }

    public boolean hasMore() {
        return serverHasMore || !buffered.isEmpty();
    }

    /** How many entries the folder holds (before filtering), when the server said so cheaply. */
    public OptionalLong totalEntries() {
        return total >= 0 ? OptionalLong.of(total) : OptionalLong.empty();
    }

    /** Entries received from the server so far, and in how many calls: what the paging saves is visible here. */
    public long entriesFetched() {
        return fetched;
    }

    public int serverCalls() {
        return serverCalls;
    }

    private void fetch() throws StoreException {
        DirectoryBatches.Batch batch;
        try {
            batch = batches.next();
        } catch (IOException e) {
            throw StoreErrors.translate(e, folder, "list");
        }
        serverCalls++;
        fetched += batch.entries().size();
        buffered.addAll(batch.entries());
        serverHasMore = batch.hasMore();
        if (batch.remaining().isPresent()) {
            total = fetched + batch.remaining().getAsLong();
        }
    }
}
