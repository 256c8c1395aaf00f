package io.tessera.console.hdfs;

import io.tessera.console.connection.ConnectionSource;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.engine.store.EntryFilter;
import io.tessera.engine.store.FolderCursor;
import io.tessera.engine.store.HdfsEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The folder tree's children, listed when a folder is first expanded (subfolders only, capped). File operations
 * and uploads report the folders whose children they changed; the tree lists those again if it has them loaded.
 */
public final class FolderTreeViewModel {
    /** Entries scanned at most for subfolders of one folder: a 100,000-file folder does not stall its tree row. */
    static final int SCAN_LIMIT = 5_000;

    private final ConnectionSource<HdfsBackend> source;
    private final BackgroundTasks tasks;
    private final List<Consumer<Set<String>>> changeListeners = new ArrayList<>();

    public FolderTreeViewModel(ConnectionSource<HdfsBackend> source, BackgroundTasks tasks) {
        this.source = source;
        this.tasks = tasks;
    }

    /**
     * Lists the subfolders of {@code folder} in the background; {@code done} gets their paths on the UI thread, or
     * {@code failed} runs there when the folder could not be listed (not connected yet, a server down).
     */
    public void subfolders(String folder, Consumer<List<String>> done, Runnable failed) {
        tasks.run("Listing folders of " + folder, () -> {
            FolderCursor cursor = source.get().browser().list(folder, EntryFilter.ALL);
            List<String> folders = new ArrayList<>();
            int scanned = 0;
            while (cursor.hasMore() && scanned < SCAN_LIMIT) {
                List<HdfsEntry> page = cursor.nextPage(1_000);
                if (page.isEmpty()) {
                    break;
                }
                scanned += page.size();
                page.stream().filter(HdfsEntry::directory).map(HdfsEntry::path).forEach(folders::add);
            }
            return folders;
        }, done, reason -> failed.run());
    }

    /** On the UI thread: Refresh in the browser; the open folder's row and those above it are listed again. */
    public void refresh(String openFolder) {
        List<String> rows = new ArrayList<>();
        for (String at = openFolder; at != null; at = HdfsPaths.parent(at).orElse(null)) {
            rows.add(at);
        }
        foldersChanged(rows);
    }

    /** On the UI thread: these folders gained or lost subfolders (or may have). */
    public void foldersChanged(Collection<String> folders) {
        Set<String> changed = new LinkedHashSet<>(folders);
        changeListeners.forEach(l -> l.accept(changed));
    }

    public void onFoldersChanged(Consumer<Set<String>> listener) {
        changeListeners.add(listener);
    }
}
