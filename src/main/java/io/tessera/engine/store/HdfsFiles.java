package io.tessera.engine.store;

import io.tessera.engine.connect.ClusterConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * File operations of the browser: new folder, rename, move, permanent delete (after a {@link DeletePlan}),
 * replication. Trash, restore and download live in {@link HdfsTrash} and {@link Downloads}. Every call does I/O.
 */
public final class HdfsFiles {
    private final HdfsBrowser browser;

    public HdfsFiles(ClusterConnection connection) {
        this(new HdfsBrowser(connection));
    }

    public HdfsFiles(HdfsBrowser browser) {
        this.browser = browser;
    }

    /** Creates the folder and any missing parents; an existing folder is fine, an existing file is not. */
    public HdfsEntry mkdir(String path) throws StoreException {
        try {
            FileSystem fs = browser.fs(path);
            Path p = new Path(path);
            if (fs.exists(p) && !fs.getFileStatus(p).isDirectory()) {
                throw new StoreException(StoreException.Problem.ALREADY_EXISTS, path, "a file of that name exists: " + path);
            }
            if (!fs.mkdirs(p)) {
                throw new StoreException(StoreException.Problem.FAILED, path, "cannot create folder " + path);
            }
            return browser.stat(path);
        } catch (IOException e) {
            throw StoreErrors.translate(e, path, "create");
        }
    }

    /** Renames within the same folder; {@code newName} must be a plain name. Returns the new path. */
    public String rename(String path, String newName) throws StoreException {
        java.util.Optional<String> problem = SafeNames.problem(newName);
        if (problem.isPresent()) {
            throw new StoreException(StoreException.Problem.FAILED, path, "not a valid name: " + problem.get());
        }
        Path from = new Path(path);
        return moveTo(from, new Path(from.getParent(), newName));
    }

    /** Moves each path into {@code folder}, keeping its name; stops at the first failure. Returns the new paths. */
    public List<String> move(List<String> paths, String folder) throws StoreException {
        List<String> moved = new ArrayList<>();
        for (String path : paths) {
            Path from = new Path(path);
            moved.add(moveTo(from, new Path(folder, from.getName())));
        }
        return moved;
    }

    private String moveTo(Path from, Path to) throws StoreException {
        String path = from.toUri().getPath();
        try {
            FileSystem fs = browser.fs(path);
            if (fs.exists(to)) {
                throw new StoreException(StoreException.Problem.ALREADY_EXISTS, to.toUri().getPath(), "already exists: " + to.toUri().getPath());
            }
            if (!fs.rename(from, to)) {
                // HDFS answers false rather than saying why: find out which part was wrong.
                fs.getFileStatus(from);
                fs.getFileStatus(to.getParent());
                throw new StoreException(StoreException.Problem.FAILED, path, "cannot move " + path + " to " + to.toUri().getPath());
            }
            return to.toUri().getPath();
        } catch (IOException e) {
            throw StoreErrors.translate(e, path, "move");
        }
    }

    /** Counts what deleting these paths would remove, recursively, without removing anything. */
    public DeletePlan planDelete(List<String> paths) throws StoreException {
        long files = 0;
        long folders = 0;
        long bytes = 0;
        for (String path : paths) {
            try {
                ContentSummary summary = browser.fs(path).getContentSummary(new Path(path));
                files += summary.getFileCount();
                folders += summary.getDirectoryCount();
                bytes += summary.getLength();
            } catch (IOException e) {
                throw StoreErrors.translate(e, path, "read");
            }
        }
        return new DeletePlan(paths, files, folders, bytes);
    }

    /** Deletes the plan's paths for good (no trash); a path already gone is skipped. */
    public void deletePermanently(DeletePlan plan) throws StoreException {
        for (String path : plan.paths()) {
            try {
                browser.fs(path).delete(new Path(path), true);
            } catch (IOException e) {
                throw StoreErrors.translate(e, path, "delete");
            }
        }
    }

    /** Sets the replication of a file (HDFS keeps no replication on folders). */
    public void setReplication(String path, short replication) throws StoreException {
        if (browser.stat(path).directory()) {
            throw new StoreException(StoreException.Problem.NOT_A_FILE, path, "replication applies to files, not to the folder " + path);
        }
        try {
            if (!browser.fs(path).setReplication(new Path(path), replication)) {
                throw new StoreException(StoreException.Problem.FAILED, path, "cannot set replication of " + path);
            }
        } catch (IOException e) {
            throw StoreErrors.translate(e, path, "change");
        }
    }
}
