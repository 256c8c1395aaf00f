package io.tessera.console.monitor;

import io.tessera.console.common.Formats;
import io.tessera.console.common.Fxml;
import io.tessera.engine.monitor.IdleTime;
import io.tessera.engine.monitor.PendingEntry;
import io.tessera.engine.monitor.StreamInspector;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Streams tab: the queue-health line, streams → groups → consumers in a tree table (rows stay open and
 * selected across the 2 s refreshes), and the pending entries of the selected group with their idle times.
 */
public final class StreamsView {
    private static final PseudoClass OLD = PseudoClass.getPseudoClass("old");

    private final StreamsViewModel viewModel;
    private final Parent root;
    /** Rows the operator closed: everything else opens, so groups and consumers show at a glance. */
    private final Set<String> collapsed = new HashSet<>();
    /** True while the tree is rebuilt from a refresh: its selection changes are not the operator's. */
    private boolean rebuilding;
    @FXML private Label healthLabel;
    @FXML private TextField prefixField;
    @FXML private Button refreshButton;
    @FXML private Label updatedLabel;
    @FXML private Label problem;
    @FXML private TreeTableView<StreamNode> streamTree;
    @FXML private TreeTableColumn<StreamNode, String> nameColumn;
    @FXML private TreeTableColumn<StreamNode, String> entriesColumn;
    @FXML private TreeTableColumn<StreamNode, String> pendingColumn;
    @FXML private TreeTableColumn<StreamNode, String> lagColumn;
    @FXML private TreeTableColumn<StreamNode, String> idleColumn;
    @FXML private TreeTableColumn<StreamNode, String> idsColumn;
    @FXML private Label pendingTitle;
    @FXML private Button moreButton;
    @FXML private TableView<PendingEntry> pendingTable;
    @FXML private TableColumn<PendingEntry, String> pendingIdColumn;
    @FXML private TableColumn<PendingEntry, String> pendingConsumerColumn;
    @FXML private TableColumn<PendingEntry, PendingEntry> pendingIdleColumn;
    @FXML private TableColumn<PendingEntry, String> pendingDeliveriesColumn;

    public StreamsView(StreamsViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        healthLabel.textProperty().bind(viewModel.health().map(h -> h.isEmpty() ? "Queue health: not read yet" : h));
        viewModel.healthOld().subscribe(old -> healthLabel.pseudoClassStateChanged(OLD, old));
        prefixField.textProperty().bindBidirectional(viewModel.prefix());
        updatedLabel.textProperty().bind(viewModel.updated().map(u -> u.isEmpty() ? "Read again every 2 s while shown" : u + " · every 2 s while shown"));
        problem.visibleProperty().bind(viewModel.problem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.textProperty().bind(viewModel.problem());

        streamTree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        streamTree.setRoot(new TreeItem<>());
        streamTree.setPlaceholder(new Label("No streams under this prefix"));
        column(nameColumn, StreamNode::name);
        nameColumn.setCellFactory(c -> new NameCell());
        column(entriesColumn, StreamNode::entries);
        column(pendingColumn, StreamNode::pending);
        column(lagColumn, StreamNode::lag);
        column(idleColumn, StreamNode::idle);
        column(idsColumn, StreamNode::lastId);
        viewModel.streams().subscribe(this::show);
        streamTree.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!rebuilding) {
                viewModel.select(now == null ? null : now.getValue());
            }
        });

        pendingTitle.textProperty().bind(viewModel.pendingTitle());
        moreButton.visibleProperty().bind(viewModel.morePending());
        pendingTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        pendingTable.setItems(viewModel.pending());
        pendingTable.setPlaceholder(new Label("No pending entries"));
        pendingIdColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().id()));
        pendingConsumerColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().consumer()));
        pendingDeliveriesColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Formats.number(c.getValue().deliveries())));
        pendingIdleColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        pendingIdleColumn.setCellFactory(c -> new IdleCell());
    }

    private static void column(TreeTableColumn<StreamNode, String> column, Function<StreamNode, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue() == null ? "" : value.apply(c.getValue().getValue())));
    }

    /** Builds the tree again from a refresh, keeping open rows open and the selected row selected. */
    private void show(List<StreamNode> streams) {
        TreeItem<StreamNode> selected = streamTree.getSelectionModel().getSelectedItem();
        String selectedId = selected == null || selected.getValue() == null ? null : selected.getValue().id();
        rebuilding = true;
        try {
            TreeItem<StreamNode> top = streamTree.getRoot();
            top.getChildren().setAll(streams.stream().map(this::item).toList());
            streamTree.refresh(); // reused rows otherwise keep a stale disclosure arrow
            TreeItem<StreamNode> again = find(top, selectedId);
            if (again != null) {
                streamTree.getSelectionModel().select(again);
            } else {
                streamTree.getSelectionModel().clearSelection();
            }
        } finally {
            rebuilding = false;
        }
        if (selectedId != null && find(streamTree.getRoot(), selectedId) == null) {
            viewModel.select(null);
        }
    }

    private TreeItem<StreamNode> item(StreamNode node) {
        TreeItem<StreamNode> item = new TreeItem<>(node);
        item.getChildren().setAll(node.children().stream().map(this::item).toList());
        item.setExpanded(!collapsed.contains(node.id()));
        item.expandedProperty().addListener((obs, was, open) -> {
            if (open) {
                collapsed.remove(node.id());
            } else {
                collapsed.add(node.id());
            }
        });
        return item;
    }

    private static TreeItem<StreamNode> find(TreeItem<StreamNode> from, String id) {
        if (id == null) {
            return null;
        }
        for (TreeItem<StreamNode> child : from.getChildren()) {
            if (child.getValue() != null && id.equals(child.getValue().id())) {
                return child;
            }
            TreeItem<StreamNode> deeper = find(child, id);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    /**
     * The name with its kind's icon in one row, centred: a TreeItem graphic sits at the top of a tall row.
     */
    private static final class NameCell extends javafx.scene.control.TreeTableCell<StreamNode, String> {
        private final FontIcon icon = new FontIcon();
        private final Label name = new Label();
        private final javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(6, icon, name);

        NameCell() {
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            StreamNode node = empty || getTableRow() == null || getTableRow().getItem() == null ? null : getTableRow().getItem();
            if (node == null) {
                setGraphic(null);
                return;
            }
            icon.setIconLiteral(switch (node.kind()) {
                case STREAM -> "fth-list";
                case GROUP -> "fth-users";
                case CONSUMER -> "fth-user";
            });
            name.setText(text);
            setGraphic(row);
        }
    }

    /** An idle time, marked when it is older than the queue health's "old" threshold. */
    private static final class IdleCell extends TableCell<PendingEntry, PendingEntry> {
        private static final Duration OLD_AFTER = StreamInspector.defaultStaleAfter();

        @Override
        protected void updateItem(PendingEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(empty || entry == null ? null : IdleTime.text(entry.idle()));
            pseudoClassStateChanged(OLD, !empty && entry != null && entry.idle().compareTo(OLD_AFTER) > 0);
        }
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void loadMore() {
        viewModel.loadMorePending();
    }

    public Parent root() {
        return root;
    }
}
