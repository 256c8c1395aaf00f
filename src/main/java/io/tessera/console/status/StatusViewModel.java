package io.tessera.console.status;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.connection.Session;
import io.tessera.engine.ServiceKind;
import io.tessera.engine.health.Alert;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.ObservableList;

/** The status bar: each service's live state, the active profile, and what runs in the background. */
public final class StatusViewModel {
    private final List<ServiceStatusModel> services;
    private final StringBinding profileName;
    private final StringBinding taskText;
    private final BooleanBinding busy;
    private final ObservableList<Alert> alerts;
    private final StringBinding alertText;
    private final StringBinding alertDetails;
    private final BooleanBinding critical;
    private final StringBinding alertStyle;
    private final Runnable showAlerts;

    /** {@code alerts}: the dashboard's; {@code showAlerts} opens the panel that explains them. */
    public StatusViewModel(Session session, BackgroundTasks tasks, ObservableList<Alert> alerts, Runnable showAlerts) {
        this.alerts = alerts;
        this.showAlerts = showAlerts;
        this.alertText = Bindings.createStringBinding(() -> alerts.isEmpty() ? "" : alerts.size() == 1 ? "1 alert" : alerts.size() + " alerts", alerts);
        this.alertDetails = Bindings.createStringBinding(() -> String.join("\n", alerts.stream().map(Alert::toString).toList())
                + (alerts.isEmpty() ? "" : "\n(click for the Health panel)"), alerts);
        this.critical = Bindings.createBooleanBinding(() -> alerts.stream().anyMatch(a -> a.severity() == Alert.Severity.CRITICAL), alerts);
        this.alertStyle = Bindings.createStringBinding(() -> critical.get() ? "alert-critical" : "alert-warning", critical);
        this.services = Arrays.stream(ServiceKind.values())
                .map(kind -> new ServiceStatusModel(kind, session.health().healthProperty(kind)))
                .toList();
        this.profileName = Bindings.createStringBinding(() -> session.activeProfileProperty().get().name(), session.activeProfileProperty());
        var running = tasks.running();
        this.taskText = Bindings.createStringBinding(() -> running.isEmpty() ? ""
                : running.getFirst() + "…" + (running.size() > 1 ? " (+" + (running.size() - 1) + " more)" : ""), running);
        this.busy = Bindings.isNotEmpty(running);
    }

    /** "2 alerts", or empty when all is well. */
    public StringBinding alertText() {
        return alertText;
    }

    /** One line per alert, for the badge's tooltip. */
    public StringBinding alertDetails() {
        return alertDetails;
    }

    /** Whether any alert is critical (the badge turns red). */
    public BooleanBinding critical() {
        return critical;
    }

    /** The badge's colour class: alert-critical or alert-warning (a field: JavaFX holds bindings weakly). */
    public StringBinding alertStyle() {
        return alertStyle;
    }

    public void showAlerts() {
        showAlerts.run();
    }

    public List<ServiceStatusModel> services() {
        return services;
    }

    public StringBinding profileName() {
        return profileName;
    }

    public StringBinding taskText() {
        return taskText;
    }

    /** Whether background work is running: the status bar shows a progress bar. */
    public BooleanBinding busy() {
        return busy;
    }
}
