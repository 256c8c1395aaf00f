package io.tessera.console.hdfs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.event.EventDispatcher;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.InputEvent;
import javafx.scene.input.TransferMode;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The lazy folder tree: a folder's subfolders are listed when it is first expanded, and listed again after a
 * change in it (new folder, rename, move, trash, restore, delete, upload). Clicking a folder opens it in the
 * browser; a folder opened elsewhere (path field, breadcrumbs, table) is revealed: its ancestors listed and
 * expanded, its row selected. Rows dragged from the table onto a folder are moved there.
 */
final class FolderTree {
    private final FolderTreeViewModel viewModel;
    private final FolderViewModel folder;
    private final FileOpsViewModel ops;
    private final TreeView<String> tree;
    private final TreeItem<String> root;
    /**
     * Above zero while the tree dispatches a mouse or key event: only then is a selection change the operator's.
     * The tree also moves its selection itself (a selected row collapsed away, listed again or replaced, a reveal);
     * such a move must never open another folder.
     */
    private int operatorInput;

    FolderTree(TreeView<String> tree, FolderTreeViewModel viewModel, FolderViewModel folder, FileOpsViewModel ops) {
        this.viewModel = viewModel;
        this.folder = folder;
        this.ops = ops;
        this.tree = tree;
        root = item("/");
        tree.setRoot(root);
        folder.backend().addListener((obs, old, now) -> {
            if (now != null && old != now) {
                root.setExpanded(false);
                root.getChildren().setAll(new TreeItem<String>(null));
                root.setExpanded(true);
            }
        });
        tree.setCellFactory(t -> new FolderCell());
        viewModel.onFoldersChanged(changed -> changed.forEach(path -> find(root, path).ifPresent(this::reload)));
        folder.path().addListener((obs, old, now) -> reveal(root, now));
        EventDispatcher own = tree.getEventDispatcher();
        tree.setEventDispatcher((event, tail) -> {
            if (!(event instanceof InputEvent)) {
                return own.dispatchEvent(event, tail);
            }
            operatorInput++;
            try {
                return own.dispatchEvent(event, tail);
            } finally {
                operatorInput--;
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (operatorInput > 0 && now != null && now.getValue() != null && !now.getValue().equals(folder.path().get())) {
                folder.open(now.getValue());
            }
        });
    }

    /**
     * Walks down from {@code at} towards {@code path}: lists a row on the way that was never listed (going on when its
     * listing arrives), expands each ancestor and selects the path's row. Stops quietly where the next folder is not
     * among the listed children (a hidden name, beyond the scan limit, removed meanwhile) or once the browser moved on.
     */
    private void reveal(TreeItem<String> at, String path) {
        if (path == null || !path.equals(folder.path().get())) {
            return;
        }
        if (path.equals(at.getValue())) {
            if (tree.getSelectionModel().getSelectedItem() != at) {
                tree.getSelectionModel().select(at);
            }
            int row = tree.getRow(at);
            if (row >= 0) {
                tree.scrollTo(Math.max(0, row - 3));
            }
            return;
        }
        if (notListed(at)) {
            viewModel.subfolders(at.getValue(), folders -> {
                fill(at, folders);
                at.setExpanded(true);
                nextTowards(at, path).ifPresent(next -> reveal(next, path));
            }, () -> unlisted(at));
            return;
        }
        at.setExpanded(true);
        nextTowards(at, path).ifPresent(next -> reveal(next, path));
    }

    /** The child of {@code parent} that is {@code path} or one of its ancestors. */
    private static java.util.Optional<TreeItem<String>> nextTowards(TreeItem<String> parent, String path) {
        return parent.getChildren().stream()
                .filter(child -> child.getValue() != null && (path.equals(child.getValue()) || path.startsWith(child.getValue() + "/")))
                .findFirst();
    }

    private TreeItem<String> item(String path) {
        TreeItem<String> item = new TreeItem<>(path, new FontIcon("fth-folder"));
        item.getChildren().add(new TreeItem<>(null));
        item.expandedProperty().addListener((obs, was, expanded) -> {
            if (expanded && notListed(item)) {
                list(item);
            }
        });
        return item;
    }

    /** The loaded row of a path, if its ancestors are listed. */
    private static java.util.Optional<TreeItem<String>> find(TreeItem<String> item, String path) {
        return path.equals(item.getValue()) ? java.util.Optional.of(item) : nextTowards(item, path).flatMap(child -> find(child, path));
    }

    /**
     * Lists a folder's subfolders again when it was listed before (one never expanded lists when it is); rows that
     * stay keep their own children and expanded state. The root always lists: it shows expanded from the start, and
     * its first listing may have found nothing (a fresh cluster) or failed (not connected yet).
     */
    private void reload(TreeItem<String> parent) {
        if (parent == root || !notListed(parent)) {
            list(parent);
        }
    }

    private void list(TreeItem<String> parent) {
        viewModel.subfolders(parent.getValue(), folders -> fill(parent, folders), () -> unlisted(parent));
    }

    /** A listing failed: the row goes back to not listed, so expanding it (or a Refresh) tries again. */
    private void unlisted(TreeItem<String> parent) {
        parent.getChildren().setAll(new TreeItem<String>(null));
        parent.setExpanded(false);
    }

    private static boolean notListed(TreeItem<String> item) {
        return item.getChildren().size() == 1 && item.getChildren().getFirst().getValue() == null;
    }

    private void fill(TreeItem<String> parent, List<String> folders) {
        Map<String, TreeItem<String>> kept = new HashMap<>();
        parent.getChildren().forEach(child -> kept.put(child.getValue(), child));
        parent.getChildren().setAll(folders.stream().map(path -> kept.containsKey(path) ? kept.get(path) : item(path)).toList());
        if (folders.isEmpty()) {
            parent.setExpanded(false);
        } else if (parent == root) {
            parent.setExpanded(true); // it collapsed when a first listing found nothing; now there is something to show
        }
    }

    private final class FolderCell extends TreeCell<String> {
        FolderCell() {
            setOnDragOver(e -> {
                if (getItem() != null && e.getDragboard().hasContent(EntryTable.PATHS)) {
                    e.acceptTransferModes(TransferMode.MOVE);
                    e.consume();
                }
            });
            setOnDragDropped(e -> {
                Object paths = e.getDragboard().getContent(EntryTable.PATHS);
                if (getItem() != null && paths instanceof String text) {
                    ops.move(List.of(text.split("\n")), getItem());
                    e.setDropCompleted(true);
                    e.consume();
                }
            });
        }

        @Override
        protected void updateItem(String path, boolean empty) {
            super.updateItem(path, empty);
            if (empty || path == null) {
                setText(empty ? null : "…");
                setGraphic(null);
                setTooltip(null);
            } else {
                setText(HdfsPaths.name(path));
                setGraphic(getTreeItem().getGraphic());
                // deep rows are cut by the pane's width: the whole path on hover
                setTooltip(new Tooltip(path));
            }
        }
    }
}
