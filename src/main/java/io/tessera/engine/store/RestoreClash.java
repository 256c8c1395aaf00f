package io.tessera.engine.store;

/**
 * What restoring from the trash does when the original path is taken again: leave the item in the trash,
 * restore it beside the newcomer as "name (1).jpg", or move the newcomer to the trash and restore in its place.
 */
public enum RestoreClash { SKIP, KEEP_BOTH, REPLACE }
