package io.tessera.console.startup;

import io.tessera.console.common.Fxml;
import io.tessera.console.common.StyleClasses;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;

/** An overlay card over the panels while the local cluster starts or stops; the rest of the window stays usable. */
public final class StartupView {
    private final StartupViewModel viewModel;
    private final Parent root;
    @FXML private Parent overlay;
    @FXML private Label title;
    @FXML private ProgressBar progress;
    @FXML private GridPane services;
    @FXML private Label problem;
    @FXML private HBox actions;

    public StartupView(StartupViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        overlay.visibleProperty().bind(viewModel.visible());
        title.textProperty().bind(viewModel.title());
        progress.visibleProperty().bind(viewModel.failed().not());
        problem.textProperty().bind(viewModel.problem());
        problem.visibleProperty().bind(viewModel.failed());
        problem.managedProperty().bind(problem.visibleProperty());
        actions.visibleProperty().bind(viewModel.failed());
        actions.managedProperty().bind(actions.visibleProperty());
        int line = 0;
        for (StartupViewModel.Row row : viewModel.rows()) {
            Circle dot = new Circle(4.5);
            dot.getStyleClass().add("status-dot");
            Label name = new Label(row.name());
            name.getStyleClass().add("status-name");
            HBox service = new HBox(8, dot, name);
            service.getStyleClass().add("startup-service");
            StyleClasses.follow(service, row.styleClass());
            services.addRow(line++, service, label(row.phase(), "startup-phase"), label(row.detail(), "text-muted"), label(row.time(), "text-muted"));
        }
    }

    private static Label label(javafx.beans.value.ObservableValue<String> text, String styleClass) {
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add(styleClass);
        return label;
    }

    @FXML
    private void retry() {
        viewModel.retry();
    }

    @FXML
    private void dismiss() {
        viewModel.dismiss();
    }

    public Parent root() {
        return root;
    }
}
