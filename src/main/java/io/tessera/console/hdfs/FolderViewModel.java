package io.tessera.console.hdfs;

import io.tessera.console.connection.ConnectionSource;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.Formats;
import io.tessera.engine.store.EntryFilter;
import io.tessera.engine.store.EntryOrder;
import io.tessera.engine.store.FolderCursor;
import io.tessera.engine.store.HdfsEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One folder's contents, read in pages through a {@link FolderCursor}: the first page at once, more on
 * {@link #loadMore()} (the views call it when the user scrolls near the end). Back/forward history,
 * a name filter and "images only" (both applied while paging, so a filter lists the folder again), and
 * sorting of the rows loaded so far.
 */
public final class FolderViewModel {
    public static final int DEFAULT_PAGE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(FolderViewModel.class);

    private final ConnectionSource<HdfsBackend> source;
    private final BackgroundTasks tasks;
    private final int pageSize;
    private final ReadOnlyStringWrapper path = new ReadOnlyStringWrapper("");
    /** Folders and paths asked for so far (opened, typed, revealed): a start folder found later must not replace them. */
    private int navigations;
    private final ObservableList<HdfsEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<HdfsEntry> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final StringProperty nameFilter = new SimpleStringProperty("");
    private final BooleanProperty imagesOnly = new SimpleBooleanProperty(false);
    private final ObjectProperty<HdfsEntry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<HdfsBackend> backend = new ReadOnlyObjectWrapper<>();
    /** From asking for a folder to its first page being in the rows, for the status line and the log; -1 while listing. */
    private final ReadOnlyLongWrapper firstPageMillis = new ReadOnlyLongWrapper(-1);
    private final Deque<String> back = new ArrayDeque<>();
    private final Deque<String> forward = new ArrayDeque<>();
    private FolderCursor cursor;
    private int generation;
    private EntryOrder order = EntryOrder.NAME;
    private boolean ascending = true;
    /** Set while {@link #reveal} clears the filters: the listing it starts replaces theirs. */
    private boolean quiet;

    public FolderViewModel(ConnectionSource<HdfsBackend> source, BackgroundTasks tasks, int pageSize) {
        this.source = source;
        this.tasks = tasks;
        this.pageSize = pageSize;
        nameFilter.addListener((obs, old, now) -> refreshUnlessQuiet());
        imagesOnly.addListener((obs, old, now) -> refreshUnlessQuiet());
    }

    /** Opens a folder, remembering the current one for {@link #back()}. */
    public void open(String folder) {
        navigations++;
        remember(folder);
        navigate(folder);
    }

    private void remember(String next) {
        String current = path.get();
        if (!current.isEmpty() && !current.equals(next)) {
            back.push(current);
            forward.clear();
        }
    }

    /** A typed path: a folder opens, a file is shown selected in its folder; blank input is ignored. */
    public void openTyped(String typed) {
        reveal(typed);
    }

    /** Opens the entry if it is a folder; returns whether it was. */
    public boolean openEntry(HdfsEntry entry) {
        if (entry != null && entry.directory()) {
            open(entry.path());
            return true;
        }
        return false;
    }

    public void back() {
        if (!back.isEmpty()) {
            forward.push(path.get());
            navigate(back.pop());
        }
    }

    public void forward() {
        if (!forward.isEmpty()) {
            back.push(path.get());
            navigate(forward.pop());
        }
    }

    public void up() {
        HdfsPaths.parent(path.get()).ifPresent(this::open);
    }

    /** Lists the current folder again from its first page (after a change, or F5). */
    public void refresh() {
        list(null);
    }

    /**
     * Shows a file or folder: a folder is opened; a file's parent folder is opened and listed page by page
     * (in one background task) until the file is among the rows, which is then selected. A filter that would
     * hide the file is cleared. A path that does not exist is reported as the folder's error.
     */
    public void reveal(String target) {
        navigations++;
        Optional<String> normal = HdfsPaths.normalize(target);
        if (normal.isEmpty()) {
            return;
        }
        String wanted = normal.get();
        tasks.run("Finding " + wanted, () -> source.get().browser().stat(wanted), entry -> {
            if (entry.directory()) {
                open(entry.path());
                return;
            }
            String parent = HdfsPaths.parent(entry.path()).orElse("/");
            if (!new EntryFilter(nameFilter.get(), imagesOnly.get()).matches(entry)) {
                quiet = true;
                nameFilter.set("");
                imagesOnly.set(false);
                quiet = false;
            }
            remember(parent);
            path.set(parent);
            afterNavigation();
            list(entry.path());
        }, reason -> {
            error.set(reason);
            status.set("Cannot show " + wanted);
        });
    }

    /** Lists the folder from its start: the first page, or (when {@code until} is a path) pages until that entry, selected. */
    private void list(String until) {
        if (path.get().isEmpty()) {
            return;
        }
        int listing = ++generation;
        String folder = path.get();
        EntryFilter filter = new EntryFilter(nameFilter.get(), imagesOnly.get());
        entries.clear();
        cursor = null;
        hasMore.set(false);
        loading.set(true);
        error.set("");
        status.set("Listing " + folder + " …");
        firstPageMillis.set(-1);
        long started = System.nanoTime();
        tasks.run("Listing " + folder, () -> {
            HdfsBackend made = source.get();
            FolderCursor opened = made.browser().list(folder, filter);
            List<HdfsEntry> rows = new ArrayList<>(opened.nextPage(pageSize));
            if (until != null) {
                List<HdfsEntry> page = rows;
                while (opened.hasMore() && page.stream().noneMatch(e -> e.path().equals(until))) {
                    page = opened.nextPage(pageSize);
                    rows.addAll(page);
                }
            }
            return new FirstPage(made, opened, rows);
        }, page -> {
            if (listing == generation) {
                backend.set(page.backend());
                cursor = page.cursor();
                add(page.entries());
                firstPageMillis.set((System.nanoTime() - started) / 1_000_000);
                LOG.info("{}: {} entries in {} ms (first page{})", folder, page.entries().size(), firstPageMillis.get(),
                        page.cursor().totalEntries().isPresent() ? " of " + page.cursor().totalEntries().getAsLong() : "");
                status.set(describe());
                if (until != null) {
                    entries.stream().filter(e -> e.path().equals(until)).findFirst().ifPresent(selected::set);
                }
            }
        }, reason -> failed(listing, reason));
    }

    private void refreshUnlessQuiet() {
        if (!quiet) {
            refresh();
        }
    }

    /** Reads the next page, when there is one and none is being read. */
    public void loadMore() {
        FolderCursor reading = cursor;
        if (reading == null || loading.get() || !reading.hasMore()) {
            return;
        }
        int listing = generation;
        loading.set(true);
        tasks.run("Listing more of " + path.get(), () -> reading.nextPage(pageSize), page -> {
            if (listing == generation) {
                add(page);
            }
        }, reason -> failed(listing, reason));
    }

    /** Sorts the loaded rows (folders first); later pages are merged into the same order. */
    public void sortBy(EntryOrder by, boolean up) {
        order = by;
        ascending = up;
        FXCollections.sort(entries, order.comparator(ascending));
    }

    private void add(List<HdfsEntry> page) {
        loading.set(false);
        Comparator<HdfsEntry> comparator = order.comparator(ascending);
        List<HdfsEntry> sorted = new ArrayList<>(page);
        sorted.sort(comparator);
        boolean fallsAfter = entries.isEmpty() || sorted.isEmpty() || comparator.compare(entries.getLast(), sorted.getFirst()) <= 0;
        entries.addAll(sorted);
        if (!fallsAfter) {
            // only when the page interleaves with what is loaded: the usual page (listing order) just appends,
            // without re-sorting every loaded row on the FX thread
            FXCollections.sort(entries, comparator);
        }
        hasMore.set(cursor != null && cursor.hasMore());
        status.set(describe());
    }

    /** "500 entries in 42 ms · 100,000 in the folder · scroll for more" for a first page; counts after more pages. */
    private String describe() {
        String shown = Formats.number(entries.size()) + (entries.size() == 1 ? " entry" : " entries");
        long total = cursor == null ? -1 : cursor.totalEntries().orElse(-1);
        boolean firstPage = firstPageMillis.get() >= 0 && entries.size() <= pageSize;
        String of = total >= 0 ? Formats.number(total) : "";
        if (firstPage) {
            shown += " in " + Formats.number(firstPageMillis.get()) + " ms";
            of = total >= 0 ? " · " + of + " in the folder" : "";
        } else {
            of = total >= 0 ? (hasMore.get() ? " loaded of " : " shown of ") + of : "";
        }
        boolean filtered = !nameFilter.get().isBlank() || imagesOnly.get();
        if (hasMore.get()) {
            return shown + of + " · scroll for more";
        }
        return shown + (filtered || firstPage && total > entries.size() ? of : "");
    }

    private void failed(int listing, String reason) {
        if (listing == generation) {
            loading.set(false);
            error.set(reason);
            status.set("Cannot list " + path.get());
        }
    }

    private void navigate(String folder) {
        path.set(folder);
        afterNavigation();
        refresh();
    }

    private void afterNavigation() {
        selected.set(null);
        canGoBack.set(!back.isEmpty());
        canGoForward.set(!forward.isEmpty());
    }

    /** How long the last listing took to show its first page (ms), or -1 while it is listing. */
    public ReadOnlyLongProperty firstPageMillis() {
        return firstPageMillis.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty path() {
        return path.getReadOnlyProperty();
    }

    /** How many folders or paths were asked for so far (UI thread). */
    int navigations() {
        return navigations;
    }

    /** The rows loaded so far, filtered and in the chosen order. */
    public ObservableList<HdfsEntry> entries() {
        return entriesView;
    }

    public StringProperty nameFilter() {
        return nameFilter;
    }

    /** What the table says when it has no rows: the folder is empty, or the filter hides everything in it. */
    public StringBinding emptyText() {
        return Bindings.createStringBinding(() -> emptyText(nameFilter.get(), imagesOnly.get()), nameFilter, imagesOnly);
    }

    static String emptyText(String name, boolean images) {
        String what = images ? "images" : "entries";
        if (name.isBlank()) {
            return images ? "No images in this folder" : "Empty folder";
        }
        return "No " + what + " here match \u201c" + name.strip() + "\u201d: clear the filter to see all";
    }

    public BooleanProperty imagesOnly() {
        return imagesOnly;
    }

    public ObjectProperty<HdfsEntry> selected() {
        return selected;
    }

    public ReadOnlyBooleanProperty loading() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMore() {
        return hasMore.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoBack() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoForward() {
        return canGoForward.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** Why the folder could not be listed ("permission denied: …"), or empty. */
    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    /** The engine objects of the last successful listing: thumbnails are asked of these on the UI thread. */
    public ReadOnlyObjectProperty<HdfsBackend> backend() {
        return backend.getReadOnlyProperty();
    }

    private record FirstPage(HdfsBackend backend, FolderCursor cursor, List<HdfsEntry> entries) {}
}
