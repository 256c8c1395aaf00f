package io.tessera.engine.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds the items in trash roots. The trash keeps a deleted path's whole original path ("Current/a/b/c.jpg"),
 * so the folders above an item are not items: an entry Tessera trashed carries its original path and time as
 * extended attributes and is an item as a whole; without them, files are items and folders are walked into
 * (empty ones, left behind by restores, are skipped).
 */
final class TrashWalk {
    static final String ORIGINAL = "user.tessera.trash.original";
    static final String DELETED = "user.tessera.trash.deleted";
    /** HDFS appends the time in milliseconds to a name already taken in the trash. */
    private static final Pattern CLASH_SUFFIX = Pattern.compile("(?<=.)\\d{13}$");

    private final FileSystem fs;
    private final int limit;
    private final List<TrashItem> items = new ArrayList<>();
    private boolean truncated;

    TrashWalk(FileSystem fs, int limit) {
        this.fs = fs;
        this.limit = limit;
    }

    TrashContents walk(List<Path> roots) throws IOException {
        for (Path root : roots) {
            for (FileStatus bucket : fs.listStatus(root)) {
                if (bucket.isDirectory()) {
                    walk(bucket, bucket.getPath().getName(), "");
                }
            }
        }
        items.sort(Comparator.comparing(TrashItem::deleted).reversed().thenComparing(TrashItem::originalPath));
        return new TrashContents(items, truncated);
    }

    private void walk(FileStatus folder, String bucket, String originalFolder) throws IOException {
        for (FileStatus child : fs.listStatus(folder.getPath())) {
            if (items.size() >= limit) {
                truncated = true;
                return;
            }
            String name = child.getPath().getName();
            Map<String, byte[]> marks = marks(child.getPath());
            if (marks.containsKey(ORIGINAL)) {
                boolean timed = marks.containsKey(DELETED);
                Instant deleted = Instant.ofEpochMilli(timed ? Long.parseLong(text(marks.get(DELETED))) : folder.getModificationTime());
                items.add(item(child, bucket, text(marks.get(ORIGINAL)), deleted, timed));
            } else if (!child.isDirectory()) {
                items.add(item(child, bucket, originalFolder + "/" + CLASH_SUFFIX.matcher(name).replaceFirst(""),
                        Instant.ofEpochMilli(folder.getModificationTime()), false));
            } else {
                walk(child, bucket, originalFolder + "/" + name);
            }
        }
    }

    private Map<String, byte[]> marks(Path path) {
        try {
            return fs.getXAttrs(path);
        } catch (IOException | UnsupportedOperationException e) {
            return Map.of();
        }
    }

    private static TrashItem item(FileStatus s, String bucket, String original, Instant deleted, boolean exact) {
        return new TrashItem(s.getPath().toUri().getPath(), original, deleted, exact, bucket, s.isDirectory(), s.isDirectory() ? 0 : s.getLen());
    }

    private static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }
}
