package io.tessera.engine.store;

import io.tessera.engine.connect.ClusterConnection;
import java.io.IOException;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.Trash;

/**
 * Delete to the HDFS trash and restore from it. HDFS moves a trashed path to
 * {@code <trash root>/Current/<original path>} (the trash root is {@code /user/<name>/.Trash}, or one per
 * encryption zone), adding a time suffix when that place is taken; the receipt records where it really went.
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
            Path to = new Path(target);
            if (fs.exists(to)) {
                throw new StoreException(StoreException.Problem.ALREADY_EXISTS, target, "cannot restore: " + target + " exists again");
            }
            fs.mkdirs(to.getParent());
            if (!fs.rename(new Path(receipt.trashPath()), to)) {
                fs.getFileStatus(new Path(receipt.trashPath()));
                throw new StoreException(StoreException.Problem.FAILED, target, "cannot restore " + target);
            }
            return target;
        } catch (IOException e) {
            throw StoreErrors.translate(e, receipt.trashPath(), "restore");
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
