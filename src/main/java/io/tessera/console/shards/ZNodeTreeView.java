package io.tessera.console.shards;

import io.tessera.console.common.Formats;
import io.tessera.console.common.Fxml;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The ZooKeeper tree with its path field; rows come from {@link ZNodeTreeViewModel}. */
public final class ZNodeTreeView {
    private final ZNodeTreeViewModel viewModel;
    private final Parent root;
    @FXML private TextField pathField;
    @FXML private Button upButton;
    @FXML private Button tesseraRootButton;
    @FXML private TreeView<ZNodeEntry> tree;
    @FXML private Label live;
    @FXML private Label problem;

    public ZNodeTreeView(ZNodeTreeViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        tree.setCellFactory(view -> new EntryCell());
        tree.setShowRoot(true);
        viewModel.top().addListener((obs, old, top) -> {
            tree.setRoot(top == null ? null : new ZNodeTreeItem(top));
            pathField.setText(top == null ? "" : top.path());
        });
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            viewModel.select(item == null ? null : item.getValue());
            if (item != null && !item.getValue().isMore()) {
                pathField.setText(item.getValue().path());
            }
        });
        viewModel.revealed().addListener((obs, old, entry) -> reveal(entry));
        upButton.disableProperty().bind(viewModel.top().map(top -> top.path().equals("/")).orElse(true));
        tesseraRootButton.disableProperty().bind(viewModel.tesseraRoot().isEmpty());
        live.textProperty().bind(viewModel.liveStatus());
        live.visibleProperty().bind(viewModel.liveStatus().isNotEmpty());
        problem.textProperty().bind(viewModel.problem());
        problem.visibleProperty().bind(viewModel.problem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
    }

    private void reveal(ZNodeEntry entry) {
        TreeItem<ZNodeEntry> item = find(tree.getRoot(), entry);
        if (item != null) {
            tree.getSelectionModel().select(item);
            int row = tree.getRow(item);
            if (row >= 0) {
                tree.scrollTo(Math.max(0, row - 3));
            }
        }
    }

    private static TreeItem<ZNodeEntry> find(TreeItem<ZNodeEntry> from, ZNodeEntry entry) {
        if (from == null || entry == null) {
            return null;
        }
        if (from.getValue() == entry) {
            return from;
        }
        for (TreeItem<ZNodeEntry> child : from.getChildren()) {
            String path = child.getValue().path();
            if (!child.getValue().isMore() && (entry.path().equals(path) || entry.path().startsWith(path + "/"))) {
                return find(child, entry);
            }
        }
        return null;
    }

    @FXML
    private void jump() {
        viewModel.jumpTo(pathField.getText());
    }

    @FXML
    private void up() {
        viewModel.up();
    }

    @FXML
    private void showEnsemble() {
        viewModel.showTop("/");
    }

    @FXML
    private void showTesseraRoot() {
        viewModel.showTop(viewModel.tesseraRoot().get());
    }

    public Parent root() {
        return root;
    }

    /** A node: icon, name, child count; or the "load more" link. */
    private final class EntryCell extends TreeCell<ZNodeEntry> {
        @Override
        protected void updateItem(ZNodeEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            if (entry.isMore()) {
                Hyperlink more = new Hyperlink(entry.label());
                more.getStyleClass().add("load-more");
                more.setOnAction(event -> viewModel.loadMore(entry));
                setGraphic(more);
                return;
            }
            String icon = entry.ephemeral().get() ? "fth-zap" : entry.numChildren().get() > 0 ? "fth-folder" : "fth-file";
            Label name = new Label(entry.name());
            HBox row = new HBox(6, new FontIcon(icon), name);
            row.getStyleClass().add("znode-row");
            if (entry.numChildren().get() > 0) {
                Label count = new Label(Formats.number(entry.numChildren().get()));
                count.getStyleClass().add("znode-count");
                row.getChildren().add(count);
            }
            setGraphic(row);
        }
    }
}
