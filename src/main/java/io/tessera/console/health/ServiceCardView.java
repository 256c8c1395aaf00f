package io.tessera.console.health;

import io.tessera.console.common.Fxml;
import io.tessera.console.common.StyleClasses;
import io.tessera.console.status.ServiceStatusModel;
import java.util.List;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** One service on the health panel: state, summary, details, latency and the time of the last check. */
public final class ServiceCardView {
    private final ServiceStatusModel service;
    private final Parent root;
    @FXML private VBox card;
    @FXML private FontIcon icon;
    @FXML private Label name;
    @FXML private Label state;
    @FXML private Label summary;
    @FXML private GridPane details;
    @FXML private Label latency;
    @FXML private Label checked;

    public ServiceCardView(ServiceStatusModel service) {
        this.service = service;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        card.setId("card-" + service.service().name().toLowerCase());
        icon.setIconLiteral(service.iconLiteral());
        name.setText(service.name());
        state.textProperty().bind(service.stateText());
        StyleClasses.follow(card, service.styleClass());
        summary.textProperty().bind(service.summary());
        latency.textProperty().bind(service.latency());
        checked.textProperty().bind(service.lastCheck());
        showDetails(service.details().get());
        service.details().addListener((obs, old, now) -> showDetails(now));
    }

    private void showDetails(List<Map.Entry<String, String>> rows) {
        FactGrid.show(details, rows, false);
    }

    public Parent root() {
        return root;
    }
}
