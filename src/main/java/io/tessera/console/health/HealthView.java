package io.tessera.console.health;

import io.tessera.console.common.Fxml;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

/** The health panel: three service cards under a header with "Check now". */
public final class HealthView {
    private final HealthViewModel viewModel;
    private final Parent root;
    @FXML private Label subtitle;
    @FXML private Label problem;
    @FXML private ProgressIndicator spinner;
    @FXML private Button checkNow;
    @FXML private GridPane cards;

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
        int column = 0;
        for (var service : viewModel.services()) {
            ColumnConstraints equalShare = new ColumnConstraints();
            equalShare.setPercentWidth(100.0 / viewModel.services().size());
            cards.getColumnConstraints().add(equalShare);
            cards.add(new ServiceCardView(service).root(), column++, 0);
        }
    }

    @FXML
    private void checkNow() {
        viewModel.checkNow();
    }

    public Parent root() {
        return root;
    }
}
