package io.tessera.engine.store;

import java.util.Locale;

/**
 * What a listing keeps: names containing some text (case-insensitive), and optionally only files with
 * an image extension. Folders stay visible under "images only" so the operator can still navigate.
 */
public record EntryFilter(String nameContains, boolean imagesOnly) {
    public static final EntryFilter ALL = new EntryFilter("", false);

    public EntryFilter {
        nameContains = nameContains == null ? "" : nameContains.strip().toLowerCase(Locale.ROOT);
    }

    public boolean matches(HdfsEntry entry) {
        if (imagesOnly && !entry.directory() && !entry.looksLikeImage()) {
            return false;
        }
        return nameContains.isEmpty() || entry.name().toLowerCase(Locale.ROOT).contains(nameContains);
    }
}
