package io.tessera.console.status;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.ServiceHealth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

/** One service's health as text for the status bar and the health panel; follows a live health value. */
public final class ServiceStatusModel {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int SHORT_SUMMARY = 44;

    private final ServiceKind service;
    private final ObservableValue<ServiceHealth> health;

    public ServiceStatusModel(ServiceKind service, ObservableValue<ServiceHealth> health) {
        this.service = service;
        this.health = health;
    }

    public String name() {
        return service.displayName();
    }

    public ServiceKind service() {
        return service;
    }

    /** The Feather icon for the service. */
    public String iconLiteral() {
        return switch (service) {
            case HDFS -> "fth-hard-drive";
            case ZOOKEEPER -> "fth-share-2";
            case REDIS -> "fth-zap";
        };
    }

    public ObjectBinding<ServiceHealth.State> state() {
        return Bindings.createObjectBinding(() -> health.getValue().state(), health);
    }

    public StringBinding stateText() {
        return text(h -> stateName(h.state()));
    }

    /** The CSS class for the state's colour: state-up, state-degraded, state-down, state-connecting, state-unknown. */
    public StringBinding styleClass() {
        return text(h -> styleClassOf(h.state()));
    }

    public StringBinding summary() {
        return text(ServiceHealth::summary);
    }

    public StringBinding shortSummary() {
        return text(h -> h.summary().length() <= SHORT_SUMMARY ? h.summary() : h.summary().substring(0, SHORT_SUMMARY - 1) + "…");
    }

    /** The status bar tooltip: name, state and the whole summary (the reason when down). */
    public StringBinding tooltip() {
        return text(h -> name() + ": " + stateName(h.state()) + "\n" + h.summary());
    }

    public StringBinding latency() {
        return text(h -> h.state() == ServiceHealth.State.UP || h.state() == ServiceHealth.State.DEGRADED || h.latencyMillis() > 0
                ? h.latencyMillis() + " ms" : "–");
    }

    public StringBinding lastCheck() {
        return text(h -> h.state() == ServiceHealth.State.CONNECTING || h.state() == ServiceHealth.State.UNKNOWN
                ? "–" : CLOCK.format(h.checkedAt()));
    }

    public ObjectBinding<List<Map.Entry<String, String>>> details() {
        return Bindings.createObjectBinding(() -> List.copyOf(health.getValue().details().entrySet()), health);
    }

    public boolean isUp() {
        return health.getValue().isUp();
    }

    static String stateName(ServiceHealth.State state) {
        return switch (state) {
            case UP -> "Up";
            case DEGRADED -> "Degraded";
            case DOWN -> "Down";
            case CONNECTING -> "Connecting";
            case UNKNOWN -> "Unknown";
        };
    }

    public static String styleClassOf(ServiceHealth.State state) {
        return "state-" + state.name().toLowerCase();
    }

    private StringBinding text(java.util.function.Function<ServiceHealth, String> format) {
        return Bindings.createStringBinding(() -> format.apply(health.getValue()), health);
    }
}
