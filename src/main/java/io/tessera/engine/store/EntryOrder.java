package io.tessera.engine.store;

import java.util.Comparator;

/** Sort keys for the entries already loaded (a folder is never fully listed just to sort it); folders first. */
public enum EntryOrder {
    NAME(Comparator.comparing(HdfsEntry::name, String.CASE_INSENSITIVE_ORDER).thenComparing(HdfsEntry::name)),
    SIZE(Comparator.comparingLong(HdfsEntry::size)),
    MODIFIED(Comparator.comparing(HdfsEntry::modified)),
    OWNER(Comparator.comparing(HdfsEntry::owner)),
    GROUP(Comparator.comparing(HdfsEntry::group)),
    PERMISSION(Comparator.comparing(HdfsEntry::permission)),
    REPLICATION(Comparator.comparingInt(HdfsEntry::replication)),
    BLOCK_SIZE(Comparator.comparingLong(HdfsEntry::blockSize));

    private final Comparator<HdfsEntry> key;

    EntryOrder(Comparator<HdfsEntry> key) {
        this.key = key;
    }

    public Comparator<HdfsEntry> comparator(boolean ascending) {
        Comparator<HdfsEntry> byKey = ascending ? key : key.reversed();
        Comparator<HdfsEntry> foldersFirst = Comparator.comparing(e -> !e.directory());
        return foldersFirst.thenComparing(byKey).thenComparing(HdfsEntry::name);
    }
}
