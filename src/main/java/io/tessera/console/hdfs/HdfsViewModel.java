package io.tessera.console.hdfs;

import io.tessera.console.connection.Writes;
import io.tessera.console.connection.ConnectionSource;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.UiThread;
import io.tessera.console.connection.ActiveConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.store.HdfsEntry;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The HDFS panel: the folder browser with its tree, thumbnails, preview, uploads and file operations.
 * Nothing is listed until the panel is first shown; a profile switch starts again on the new connection.
 */
public final class HdfsViewModel {
    /** Where browsing starts when it exists; else the root. */
    public static final String START = "/tessera";

    private final ActiveConnection connection;
    private final ConnectionSource<HdfsBackend> source;
    private final BackgroundTasks tasks;
    private final FolderViewModel folder;
    private final FolderTreeViewModel tree;
    private final PreviewViewModel preview;
    private final UploadViewModel upload;
    private final FileOpsViewModel ops;
    private final TrashViewModel trash;
    private final ThumbnailFeed thumbnails;
    private final PermissionsViewModel permissions;
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper identityWarning = new ReadOnlyStringWrapper("");
    /** Counts connections, so an identity looked up for an earlier one is not shown for the new one. */
    private int identityFor;
    private boolean shown;
    private boolean opened;
    /** A path was revealed since the last connection change: the start folder must not replace it. */
    private boolean revealed;

    /** @param uploadJournals where uploads record their temporaries in flight ({@code Uploader.journalFolder}) */
    public HdfsViewModel(ActiveConnection connection, BackgroundTasks tasks, UiThread ui, Path uploadJournals) {
        this(connection, HdfsBackend.of(connection, uploadJournals), tasks, ui, FolderViewModel.DEFAULT_PAGE);
    }

    HdfsViewModel(ActiveConnection connection, ConnectionSource<HdfsBackend> source, BackgroundTasks tasks, UiThread ui, int pageSize) {
        this.connection = connection;
        this.source = source;
        this.tasks = tasks;
        this.folder = new FolderViewModel(source, tasks, pageSize);
        this.tree = new FolderTreeViewModel(source, tasks);
        this.preview = new PreviewViewModel(source, tasks);
        this.upload = new UploadViewModel(source, tasks, ui, into -> foldersChanged(List.of(into)));
        this.permissions = new PermissionsViewModel(source, tasks);
        this.ops = new FileOpsViewModel(source, tasks, folder, tree, permissions);
        this.trash = new TrashViewModel(source, tasks, this::foldersChanged);
        this.thumbnails = new ThumbnailFeed(() -> folder.backend().get(), tasks, ui);
        folder.selected().addListener((obs, old, now) -> preview.show(now));
        connection.targetProperty().addListener((obs, old, now) -> reconnect(now));
        subtitle.set(describe(connection.targetProperty().get()));
        if (connection.targetProperty().get() != null) {
            upload.sweepInterrupted();
        }
    }

    /** Something arrived in these folders (an upload, a restore): the browser and the tree list them again. */
    private void foldersChanged(List<String> folders) {
        folder.refresh();
        tree.foldersChanged(folders);
    }

    /** Refresh (F5): the open folder is listed again, and so are its row and those above it in the tree. */
    public void refresh() {
        folder.refresh();
        tree.refresh(folder.path().get());
    }

    /** The panel became visible (or hidden): the first time with a connection, the start folder is listed. */
    public void setShown(boolean visible) {
        shown = visible;
        openIfNeeded();
    }

    private void reconnect(ConnectionTarget target) {
        permissions.reset();
        opened = false;
        revealed = false;
        identityFor++;
        identityWarning.set("");
        subtitle.set(describe(target));
        if (target != null) {
            upload.sweepInterrupted(); // at start (the first connection) and on each profile switch, panel shown or not
        }
        openIfNeeded();
    }

    private void openIfNeeded() {
        if (shown && !opened && connection.targetProperty().get() != null) {
            opened = true;
            showIdentity(connection.targetProperty().get());
            int asked = folder.navigations();
            tasks.run("Opening HDFS", () -> source.get().browser().exists(START) ? START : "/", start -> openUnlessBrowsing(start, asked),
                    reason -> openUnlessBrowsing("/", asked));
        }
    }

    /** The start folder, unless a {@link #reveal} got there first, or the operator went somewhere while it was looked for. */
    private void openUnlessBrowsing(String start, int asked) {
        if (!revealed && folder.navigations() == asked) {
            folder.open(start);
        }
    }

    /**
     * Shows a path in the browser (what "open in the HDFS browser" elsewhere calls): a folder is opened; a file's
     * folder is opened, listed until the file is loaded (however large the folder), and the file selected, so the
     * preview shows it. Accepts "hdfs://host:port/..." URIs too. On the UI thread; the panel itself is shown by the caller.
     */
    public void reveal(String path) {
        revealed = true;
        folder.reveal(path);
    }

    /**
     * What a job started from this panel should work on: the selected entry when it is a folder, otherwise the
     * open folder; empty when nothing has been listed yet.
     */
    public String selectionForJob() {
        HdfsEntry chosen = folder.selected().get();
        return chosen != null && chosen.directory() ? chosen.path() : folder.path().get();
    }

    /** Adds who the panel acts as to the subtitle ("as alice@EXAMPLE.COM (Kerberos, keytab)"), looked up off the UI thread. */
    private void showIdentity(ConnectionTarget target) {
        int asked = ++identityFor;
        tasks.runQuietly(() -> source.get().identity(), identity -> {
            if (asked == identityFor) {
                subtitle.set(describe(target) + " · as " + identity.describe());
                identityWarning.set(identity.warning() == null ? "" : identity.warning());
            }
        }, reason -> {
            if (asked == identityFor) {
                subtitle.set(describe(target) + " · not signed in: " + reason);
            }
        });
    }

    private static String describe(ConnectionTarget target) {
        return target == null ? "Not connected: the profile's cluster is not up yet"
                : "Profile " + target.profileName() + " · " + target.hdfsUri() + (target.readOnly() ? " · read-only: nothing can be changed" : "");
    }

    public FolderViewModel folder() {
        return folder;
    }

    public FolderTreeViewModel tree() {
        return tree;
    }

    public PreviewViewModel preview() {
        return preview;
    }

    public UploadViewModel upload() {
        return upload;
    }

    public FileOpsViewModel ops() {
        return ops;
    }

    /** What the HDFS user may do in the folder shown and with its selection. */
    public PermissionsViewModel permissions() {
        return permissions;
    }

    public TrashViewModel trash() {
        return trash;
    }

    public ThumbnailFeed thumbnails() {
        return thumbnails;
    }

    /** Whether the active profile allows the panel's writes (upload, new folder, rename, move, trash, restore, delete, replication). */
    public Writes writes() {
        return connection.writes();
    }

    public ReadOnlyStringProperty subtitle() {
        return subtitle.getReadOnlyProperty();
    }

    /** Why the identity's keytab is a risk (readable by others), or empty. */
    public ReadOnlyStringProperty identityWarning() {
        return identityWarning.getReadOnlyProperty();
    }
}
