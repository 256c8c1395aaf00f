package io.tessera.console.hdfs;

import io.tessera.console.common.Formats;
import io.tessera.engine.store.EntryOrder;
import io.tessera.engine.store.HdfsEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.TransferMode;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The detail table's columns and rows: the name column takes the spare width, the others fit their content
 * ({@link ColumnSizing}); sorting asks the view model (which sorts the loaded rows), a row
 * near the end asks for the next page, and selected rows can be dragged onto a folder of the tree.
 */
final class EntryTable {
    /** Dragged rows: their paths, one a line. */
    static final DataFormat PATHS = new DataFormat("application/x-tessera-hdfs-paths");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private EntryTable() {}

    static void setUp(TableView<HdfsEntry> table, Map<TableColumn<HdfsEntry, ?>, EntryOrder> sortable, FolderViewModel folder) {
        table.setItems(folder.entries());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        ColumnSizing.fillWith(table, table.getColumns().getFirst());
        table.getColumns().forEach(c -> c.setSortable(sortable.containsKey(c)));
        table.setSortPolicy(t -> {
            // The rows are the view model's list: it sorts them (and merges later pages in the same order).
            if (t.getSortOrder().isEmpty()) {
                folder.sortBy(EntryOrder.NAME, true);
            } else {
                TableColumn<HdfsEntry, ?> by = t.getSortOrder().getFirst();
                folder.sortBy(sortable.get(by), by.getSortType() == TableColumn.SortType.ASCENDING);
            }
            return true;
        });
        table.setRowFactory(t -> row(t, folder));
    }

    static <T> void column(TableColumn<HdfsEntry, T> column, Function<HdfsEntry, T> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    static void nameColumn(TableColumn<HdfsEntry, HdfsEntry> column) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(HdfsEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.name());
                setGraphic(empty || entry == null ? null
                        : new FontIcon(entry.directory() ? "fth-folder" : entry.looksLikeImage() ? "fth-image" : "fth-file"));
            }
        });
    }

    static String size(HdfsEntry e) {
        return e.directory() ? "" : Formats.size(e.size());
    }

    static String modified(HdfsEntry e) {
        return time(e.modified());
    }

    static String time(java.time.Instant at) {
        return TIME.format(at);
    }

    static String blockSize(HdfsEntry e) {
        return e.directory() ? "" : Formats.size(e.blockSize());
    }

    private static TableRow<HdfsEntry> row(TableView<HdfsEntry> table, FolderViewModel folder) {
        TableRow<HdfsEntry> row = new TableRow<>() {
            @Override
            protected void updateItem(HdfsEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                if (!empty && getIndex() >= table.getItems().size() - 10) {
                    folder.loadMore();
                }
            }
        };
        row.setOnDragDetected(e -> {
            if (row.getItem() != null) {
                ClipboardContent content = new ClipboardContent();
                content.put(PATHS, table.getSelectionModel().getSelectedItems().stream().map(HdfsEntry::path).collect(Collectors.joining("\n")));
                row.startDragAndDrop(TransferMode.MOVE).setContent(content);
                e.consume();
            }
        });
        row.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && row.getItem() != null) {
                folder.openEntry(row.getItem());
            }
        });
        return row;
    }
}
