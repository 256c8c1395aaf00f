package io.tessera.console.shards;

import io.tessera.console.common.Fxml;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Shards panel: a ZooKeeper tab (tree, search, details) and a shard map tab. */
public final class ShardsView {
    private final ShardsViewModel viewModel;
    private final ShardMapView shardMap;
    private final Parent root;
    @FXML private Label subtitle;
    @FXML private TabPane tabs;
    @FXML private Tab treeTab;
    @FXML private Tab mapTab;
    @FXML private StackPane treeSlot;
    @FXML private StackPane searchSlot;
    @FXML private StackPane detailsSlot;
    @FXML private StackPane mapSlot;

    public ShardsView(ShardsViewModel viewModel) {
        this.viewModel = viewModel;
        this.shardMap = new ShardMapView(viewModel.shardMap());
        this.root = Fxml.load(this);
        root.visibleProperty().addListener((obs, was, visible) -> viewModel.setShown(visible));
    }

    @FXML
    private void initialize() {
        subtitle.textProperty().bind(viewModel.subtitle());
        treeTab.setGraphic(new FontIcon("fth-git-branch"));
        mapTab.setGraphic(new FontIcon("fth-grid"));
        treeSlot.getChildren().add(new ZNodeTreeView(viewModel.tree()).root());
        searchSlot.getChildren().add(new ZNodeSearchView(viewModel.search(), viewModel::openHit).root());
        detailsSlot.getChildren().add(new NodeDetailsView(viewModel.details(), viewModel.writes()).root());
        mapSlot.getChildren().add(shardMap.root());
    }

    /** Shows the shard map tab. */
    public void showShardMap() {
        tabs.getSelectionModel().select(mapTab);
    }

    ShardMapView shardMapView() {
        return shardMap;
    }

    public Parent root() {
        return root;
    }
}
