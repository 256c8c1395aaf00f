package io.tessera.console.health;

import io.tessera.console.common.Fxml;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** The health panel: three service cards under a header with "Check now". */
public final class HealthView {
    private final HealthViewModel viewModel;
    private final Parent root;
    @FXML private Label subtitle;
    @FXML private Label problem;
    @FXML private ProgressIndicator spinner;
    @FXML private Button checkNow;
    @FXML private HBox cards;

    public HealthView(HealthViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        subtitle.textProperty().bind(viewModel.subtitle());
        problem.textProperty().bind(viewModel.problem());
        problem.visibleProperty().bind(viewModel.problem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        spinner.visibleProperty().bind(viewModel.checking());
        checkNow.disableProperty().bind(viewModel.canCheck().not());
        viewModel.services().forEach(service -> {
            Parent card = new ServiceCardView(service).root();
            HBox.setHgrow(card, Priority.ALWAYS);
            cards.getChildren().add(card);
        });
    }

    @FXML
    private void checkNow() {
        viewModel.checkNow();
    }

    public Parent root() {
        return root;
    }
}
