package io.tessera.engine.store;

import java.time.Instant;

/**
 * One thing in the HDFS trash: where it lies ({@code trashPath}), where it came from, and when it was deleted.
 * {@code deletedExactly} is false for items trashed outside Tessera (e.g. {@code hdfs dfs -rm}): their time is
 * when their trash folder last changed, and a folder trashed that way shows as its files.
 * {@code bucket} is "Current" or the checkpoint's name (yyMMddHHmmss).
 */
public record TrashItem(String trashPath, String originalPath, Instant deleted, boolean deletedExactly,
                        String bucket, boolean directory, long size) {}
