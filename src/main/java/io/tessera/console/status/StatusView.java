package io.tessera.console.status;

import io.tessera.console.common.Fxml;
import io.tessera.console.common.StyleClasses;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;

/** The window's status bar: a coloured dot, name and short summary per service, the profile, the running task. */
public final class StatusView {
    private final StatusViewModel viewModel;
    private final StatusBar root;
    @FXML private StatusBar bar;
    @FXML private Label profile;
    @FXML private ProgressBar taskProgress;

    public StatusView(StatusViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        viewModel.services().forEach(service -> bar.getLeftItems().add(indicator(service)));
        bar.getRightItems().addFirst(alertBadge());
        profile.textProperty().bind(viewModel.profileName());
        profile.setMinWidth(Region.USE_PREF_SIZE);
        bar.textProperty().bind(viewModel.taskText());
        // Our own bar: the StatusBar's built-in one gets squeezed to a dot when the items are wide.
        taskProgress.visibleProperty().bind(viewModel.busy());
        taskProgress.managedProperty().bind(taskProgress.visibleProperty());
    }

    /** "⚠ 2 alerts" (red when one is critical), the reasons in its tooltip; a click opens the Health panel. */
    private Node alertBadge() {
        Label badge = new Label();
        badge.setId("status-alerts");
        badge.getStyleClass().add("alert-badge");
        badge.setGraphic(new FontIcon("fth-alert-triangle"));
        badge.textProperty().bind(viewModel.alertText());
        badge.visibleProperty().bind(viewModel.alertText().isNotEmpty());
        badge.managedProperty().bind(badge.visibleProperty());
        badge.setMinWidth(Region.USE_PREF_SIZE);
        StyleClasses.follow(badge, viewModel.alertStyle());
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(viewModel.alertDetails());
        badge.setTooltip(tooltip);
        badge.setOnMouseClicked(event -> viewModel.showAlerts());
        return badge;
    }

    private Node indicator(ServiceStatusModel service) {
        Circle dot = new Circle(4.5);
        dot.getStyleClass().add("status-dot");
        Label name = new Label(service.name());
        name.getStyleClass().add("status-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Label summary = new Label();
        summary.getStyleClass().add("status-summary");
        summary.textProperty().bind(service.shortSummary());
        HBox box = new HBox(6, dot, name, summary);
        box.getStyleClass().add("status-service");
        box.setId("status-" + service.service().name().toLowerCase());
        StyleClasses.follow(box, service.styleClass());
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(service.tooltip());
        Tooltip.install(box, tooltip);
        return box;
    }

    public StatusBar root() {
        return root;
    }
}
