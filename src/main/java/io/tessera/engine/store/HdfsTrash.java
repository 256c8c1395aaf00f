package io.tessera.engine.store;

import io.tessera.engine.connect.ClusterConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.Trash;

/**
 * Delete to the HDFS trash and restore from it. HDFS moves a trashed path to
 * {@code <trash root>/Current/<original path>} (the trash root is {@code /user/<name>/.Trash}, or one per
 * encryption zone), adding a time suffix when that place is taken; the receipt records where it really went,
 * and the trashed entry is marked with its original path and the time (extended attributes) so the trash browser
 * can list it as one item. Checkpoints ({@code <trash root>/yyMMddHHmmss}) are listed and restored from too.
 */
public final class HdfsTrash {
    private final HdfsBrowser browser;

    public HdfsTrash(ClusterConnection connection) {
        this(new HdfsBrowser(connection));
    }

    public HdfsTrash(HdfsBrowser browser) {
        this.browser = browser;
    }

    /** Whether the cluster (or this client) keeps trash; when not, only a permanent delete is possible. */
    public boolean isEnabled(String path) throws StoreException {
        try {
            FileSystem fs = browser.fs(path);
            return fs.getServerDefaults(new Path(path)).getTrashInterval() > 0
                    || fs.getConf().getFloat(CommonConfigurationKeysPublic.FS_TRASH_INTERVAL_KEY, 0) > 0;
        } catch (IOException e) {
            throw StoreErrors.translate(e, path, "read");
        }
    }

    /** The folder the current trash lives in for this path, for the browser to show. */
    public String currentTrashFolder(String path) throws StoreException {
        return new Path(browser.fs(path).getTrashRoot(new Path(path)), "Current").toUri().getPath();
    }

    public TrashReceipt moveToTrash(String path) throws StoreException {
        if (!isEnabled(path)) {
            throw new StoreException(StoreException.Problem.TRASH_DISABLED, path, "the trash is off on this cluster: " + path + " can only be deleted permanently");
        }
        try {
            FileSystem fs = browser.fs(path);
            Path original = fs.makeQualified(new Path(path));
            Path planned = Path.mergePaths(new Path(currentTrashFolder(path)), new Path(original.toUri().getPath()));
            boolean placeTaken = fs.exists(planned);
            if (!Trash.moveToAppropriateTrash(fs, original, fs.getConf())) {
                throw new StoreException(StoreException.Problem.FAILED, path, "cannot move " + path + " to the trash (is it in the trash already?)");
            }
            String landed = placeTaken ? newestSuffixed(fs, planned) : planned.toUri().getPath();
            mark(fs, new Path(landed), original.toUri().getPath());
            return new TrashReceipt(original.toUri().getPath(), landed);
        } catch (IOException e) {
            throw StoreErrors.translate(e, path, "move to the trash");
        }
    }

    /** Moves a trashed path back to where it was, recreating its parent folders; refuses to overwrite. */
    public String restore(TrashReceipt receipt) throws StoreException {
        String target = receipt.originalPath();
        try {
            FileSystem fs = browser.fs(target);
            if (fs.exists(new Path(target))) {
                throw new StoreException(StoreException.Problem.ALREADY_EXISTS, target, "cannot restore: " + target + " exists again");
            }
            return moveBack(fs, receipt.trashPath(), new Path(target));
        } catch (IOException e) {
            throw StoreErrors.translate(e, receipt.trashPath(), "restore");
        }
    }

    /**
     * What is in the user's trash (every trash root: the home one and those of encryption zones; the current
     * trash and its checkpoints), newest deletion first, at most {@code limit} items.
     */
    public TrashContents contents(int limit) throws StoreException {
        try {
            FileSystem fs = browser.fs("/");
            List<Path> roots = fs.getTrashRoots(false).stream().map(FileStatus::getPath).toList();
            return new TrashWalk(fs, limit).walk(roots);
        } catch (IOException e) {
            throw StoreErrors.translate(e, "/", "read the trash");
        }
    }

    /**
     * Restores an item to its original path. When that path is taken: SKIP leaves it in the trash (empty result),
     * KEEP_BOTH restores it as "name (1).jpg", REPLACE moves the newcomer to the trash first (nothing is lost).
     */
    public Optional<String> restore(TrashItem item, RestoreClash clash) throws StoreException {
        try {
            FileSystem fs = browser.fs(item.originalPath());
            Path target = new Path(item.originalPath());
            if (fs.exists(target)) {
                switch (clash) {
                    case SKIP -> {
                        return Optional.empty();
                    }
                    case KEEP_BOTH -> target = freeVariant(fs, target);
                    case REPLACE -> moveToTrash(item.originalPath());
                }
            }
            return Optional.of(moveBack(fs, item.trashPath(), target));
        } catch (IOException e) {
            throw StoreErrors.translate(e, item.trashPath(), "restore");
        }
    }

    /** What emptying the trash removes: the current trash and every checkpoint, counted, for the confirmation. */
    public DeletePlan planEmpty() throws StoreException {
        List<String> buckets = new ArrayList<>();
        try {
            FileSystem fs = browser.fs("/");
            for (FileStatus root : fs.getTrashRoots(false)) {
                for (FileStatus bucket : fs.listStatus(root.getPath())) {
                    buckets.add(bucket.getPath().toUri().getPath());
                }
            }
        } catch (IOException e) {
            throw StoreErrors.translate(e, "/", "read the trash");
        }
        return new HdfsFiles(browser).planDelete(buckets);
    }

    private static String moveBack(FileSystem fs, String trashPath, Path to) throws IOException, StoreException {
        fs.mkdirs(to.getParent());
        if (!fs.rename(new Path(trashPath), to)) {
            fs.getFileStatus(new Path(trashPath));
            throw new StoreException(StoreException.Problem.FAILED, to.toUri().getPath(), "cannot restore " + to.toUri().getPath());
        }
        unmark(fs, to);
        return to.toUri().getPath();
    }

    private static Path freeVariant(FileSystem fs, Path taken) throws IOException {
        for (int n = 1; ; n++) {
            Path candidate = new Path(taken.getParent(), NameVariants.numbered(taken.getName(), n));
            if (!fs.exists(candidate)) {
                return candidate;
            }
        }
    }

    /** Best effort: a file system without extended attributes still trashes, its items are then found by walking. */
    private static void mark(FileSystem fs, Path trashed, String original) {
        try {
            fs.setXAttr(trashed, TrashWalk.ORIGINAL, original.getBytes(StandardCharsets.UTF_8));
            fs.setXAttr(trashed, TrashWalk.DELETED, Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | UnsupportedOperationException ignored) {
            // listed without the marks: as its files, with the trash folder's time
        }
    }

    private static void unmark(FileSystem fs, Path restored) {
        try {
            if (fs.getXAttrs(restored).containsKey(TrashWalk.ORIGINAL)) {
                fs.removeXAttr(restored, TrashWalk.ORIGINAL);
                fs.removeXAttr(restored, TrashWalk.DELETED);
            }
        } catch (IOException | UnsupportedOperationException ignored) {
            // nothing to clear
        }
    }

    /** HDFS names a second trashed "a.jpg" "a.jpg1700000000000": the largest such suffix is the one just moved. */
    private static String newestSuffixed(FileSystem fs, Path planned) throws IOException {
        String name = planned.getName();
        Path best = null;
        long bestSuffix = -1;
        for (FileStatus s : fs.listStatus(planned.getParent())) {
            String candidate = s.getPath().getName();
            if (candidate.length() > name.length() && candidate.startsWith(name) && candidate.substring(name.length()).chars().allMatch(Character::isDigit)) {
                long suffix = Long.parseLong(candidate.substring(name.length()));
                if (suffix > bestSuffix) {
                    bestSuffix = suffix;
                    best = s.getPath();
                }
            }
        }
        if (best == null) {
            throw new IOException("moved to the trash, but not found there");
        }
        return best.toUri().getPath();
    }
}
