package io.tessera.console.hdfs;

import io.tessera.console.common.WriteControls;
import io.tessera.console.connection.Writes;
import io.tessera.engine.store.FileAction;
import io.tessera.engine.store.HdfsEntry;
import java.io.File;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/** The file operations' menu and dialogs, for the table and the grid; the work is {@link FileOpsViewModel}'s. */
final class FileOpsMenu {
    private final FileOpsViewModel ops;
    private final FolderViewModel folder;
    private final Supplier<List<HdfsEntry>> chosen;
    private final Node owner;
    private final Writes writes;
    private final PermissionsViewModel permissions;

    FileOpsMenu(FileOpsViewModel ops, FolderViewModel folder, Supplier<List<HdfsEntry>> chosen, Node owner, Writes writes,
                PermissionsViewModel permissions) {
        this.ops = ops;
        this.permissions = permissions;
        this.writes = writes;
        this.folder = folder;
        this.chosen = chosen;
        this.owner = owner;
    }

    ContextMenu menu() {
        return new ContextMenu(
                item("Open", "fth-folder", null, () -> single().ifPresent(folder::openEntry)),
                write(item("New folder…", "fth-folder-plus", new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::newFolder), FileAction.WRITE_HERE),
                write(item("Rename…", "fth-edit-2", new KeyCodeCombination(KeyCode.F2), this::rename), FileAction.REMOVE),
                item("Download…", "fth-download", null, this::download),
                write(item("Set replication…", "fth-copy", null, this::replication), FileAction.REPLICATION),
                new SeparatorMenuItem(),
                write(item("Move to trash", "fth-trash", new KeyCodeCombination(KeyCode.DELETE), this::trash), FileAction.REMOVE),
                write(item("Delete permanently…", "fth-x-octagon", new KeyCodeCombination(KeyCode.DELETE, KeyCombination.SHIFT_DOWN), this::deletePermanently), FileAction.REMOVE));
    }

    private MenuItem item(String text, String icon, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setAccelerator(keys);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** A write: disabled on a read-only profile, and while HDFS permissions refuse {@code action} (the panel says why). */
    private MenuItem write(MenuItem item, FileAction action) {
        WriteControls.guard(writes, item, permissions.refused(action));
        return item;
    }

    /** Whether {@code action} may be tried now; if the permissions refuse it, the reason is shown instead. */
    private boolean mayTry(FileAction action) {
        if (writes.refused().get()) {
            return false;
        }
        permissions.refusal(action).ifPresent(ops::refuse);
        return permissions.refusal(action).isEmpty();
    }

    private java.util.Optional<HdfsEntry> single() {
        List<HdfsEntry> entries = chosen.get();
        return entries.size() == 1 ? java.util.Optional.of(entries.getFirst()) : java.util.Optional.empty();
    }

    void newFolder() {
        if (!mayTry(FileAction.WRITE_HERE)) {
            return;
        }
        TextInputDialog dialog = input("New folder", "A new folder in " + folder.path().get(), "");
        dialog.showAndWait().filter(s -> !s.isBlank()).ifPresent(ops::newFolder);
    }

    void rename() {
        if (!mayTry(FileAction.REMOVE)) {
            return;
        }
        single().ifPresent(entry -> input("Rename", "Rename " + entry.name(), entry.name()).showAndWait()
                .filter(s -> !s.isBlank() && !s.equals(entry.name())).ifPresent(name -> ops.rename(entry, name)));
    }

    void trash() {
        List<HdfsEntry> entries = chosen.get();
        if (!entries.isEmpty() && mayTry(FileAction.REMOVE)) {
            ops.trash(entries);
        }
    }

    void deletePermanently() {
        List<HdfsEntry> entries = chosen.get();
        if (entries.isEmpty() || !mayTry(FileAction.REMOVE)) {
            return;
        }
        ops.planDelete(entries, plan -> {
            Alert confirm = new Alert(Alert.AlertType.WARNING, "This removes " + FileOpsViewModel.describe(plan)
                    + " for good; it does not go to the trash.", ButtonType.CANCEL, ButtonType.OK);
            confirm.setHeaderText("Delete " + (entries.size() == 1 ? entries.getFirst().name() : entries.size() + " items") + " permanently?");
            confirm.initOwner(owner.getScene().getWindow());
            confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> ops.deletePermanently(plan));
        });
    }

    private void download() {
        List<HdfsEntry> entries = chosen.get();
        if (entries.isEmpty()) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Download to");
        File target = chooser.showDialog(owner.getScene().getWindow());
        if (target != null) {
            ops.download(entries, target.toPath());
        }
    }

    private void replication() {
        if (!mayTry(FileAction.REPLICATION)) {
            return;
        }
        single().filter(e -> !e.directory()).ifPresent(entry -> input("Replication", "Replication of " + entry.name(), String.valueOf(entry.replication()))
                .showAndWait().ifPresent(text -> {
                    try {
                        ops.setReplication(entry, Short.parseShort(text.trim()));
                    } catch (NumberFormatException e) {
                        new Alert(Alert.AlertType.ERROR, "\"" + text + "\" is not a number of replicas").show();
                    }
                }));
    }

    private TextInputDialog input(String title, String header, String value) {
        TextInputDialog dialog = new TextInputDialog(value);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.initOwner(owner.getScene().getWindow());
        return dialog;
    }
}
