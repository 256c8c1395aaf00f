package io.tessera.console.monitor;

import io.tessera.console.common.Fxml;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Monitor panel: a Pub/Sub tab and a Streams tab. */
public final class MonitorView {
    private final MonitorViewModel viewModel;
    private final Parent root;
    @FXML private Label subtitle;
    @FXML private TabPane tabs;
    @FXML private Tab pubSubTab;
    @FXML private Tab streamsTab;
    @FXML private StackPane pubSubSlot;
    @FXML private StackPane streamsSlot;

    public MonitorView(MonitorViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this);
        root.visibleProperty().addListener((obs, was, visible) -> viewModel.setShown(visible));
    }

    @FXML
    private void initialize() {
        subtitle.textProperty().bind(viewModel.subtitle());
        pubSubTab.setGraphic(new FontIcon("fth-radio"));
        streamsTab.setGraphic(new FontIcon("fth-list"));
        pubSubSlot.getChildren().add(new PubSubView(viewModel.pubSub()).root());
        streamsSlot.getChildren().add(new StreamsView(viewModel.streams()).root());
        streamsTab.selectedProperty().addListener((obs, was, selected) -> viewModel.setStreamsTabSelected(selected));
    }

    /** Shows the Streams tab. */
    public void showStreams() {
        tabs.getSelectionModel().select(streamsTab);
    }

    public Parent root() {
        return root;
    }
}
