package io.tessera.engine.store;

import java.util.List;

/** The items of the user's trash, newest deletion first; {@code truncated} when more than a listing shows. */
public record TrashContents(List<TrashItem> items, boolean truncated) {
    public TrashContents {
        items = List.copyOf(items);
    }
}
