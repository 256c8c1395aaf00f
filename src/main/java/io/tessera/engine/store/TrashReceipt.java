package io.tessera.engine.store;

/** Where a trashed path went; {@link HdfsFiles#restore} moves it back. */
public record TrashReceipt(String originalPath, String trashPath) {}
