package io.tessera.console.shards;

import io.tessera.console.common.Fxml;
import io.tessera.engine.zk.ZNodeSearch;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/** Search box and hits; choosing a hit opens it (details and tree). */
public final class ZNodeSearchView {
    private final ZNodeSearchViewModel viewModel;
    private final Consumer<String> open;
    private final Parent root;
    private final ToggleGroup modes = new ToggleGroup();
    @FXML private TextField query;
    @FXML private ToggleButton byPath;
    @FXML private ToggleButton byData;
    @FXML private Button searchButton;
    @FXML private Button cancelButton;
    @FXML private Label status;
    @FXML private ListView<ZNodeSearch.Hit> hits;

    public ZNodeSearchView(ZNodeSearchViewModel viewModel, Consumer<String> open) {
        this.viewModel = viewModel;
        this.open = open;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        query.textProperty().bindBidirectional(viewModel.query());
        byPath.setUserData(ZNodeSearchViewModel.Mode.PATH);
        byData.setUserData(ZNodeSearchViewModel.Mode.DATA);
        byPath.setToggleGroup(modes);
        byData.setToggleGroup(modes);
        (viewModel.mode().get() == ZNodeSearchViewModel.Mode.PATH ? byPath : byData).setSelected(true);
        modes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                viewModel.mode().set((ZNodeSearchViewModel.Mode) now.getUserData());
            }
        });
        searchButton.disableProperty().bind(viewModel.running());
        cancelButton.visibleProperty().bind(viewModel.running());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        status.textProperty().bind(viewModel.status());
        hits.setItems(viewModel.hits());
        hits.setPlaceholder(new Label(""));
        hits.setCellFactory(list -> new HitCell());
        hits.getSelectionModel().selectedItemProperty().addListener((obs, old, hit) -> {
            if (hit != null) {
                open.accept(hit.path());
            }
        });
    }

    @FXML
    private void search() {
        viewModel.search();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    public Parent root() {
        return root;
    }

    private static final class HitCell extends ListCell<ZNodeSearch.Hit> {
        @Override
        protected void updateItem(ZNodeSearch.Hit hit, boolean empty) {
            super.updateItem(hit, empty);
            setText(null);
            if (empty || hit == null) {
                setGraphic(null);
                return;
            }
            Label path = new Label(hit.path());
            VBox box = new VBox(1, path);
            if (!hit.snippet().isEmpty()) {
                Label snippet = new Label(hit.snippet().replace('\n', ' '));
                snippet.getStyleClass().add("text-muted");
                box.getChildren().add(snippet);
            }
            setGraphic(box);
        }
    }
}
