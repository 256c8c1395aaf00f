package io.tessera.console.status;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.ServiceHealth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

/**
 * One service's health as text for the status bar and the health panel; follows a live health value.
 * The bindings are fields: views only listen to some of them, and JavaFX holds its dependencies weakly.
 */
public final class ServiceStatusModel {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int SHORT_SUMMARY = 44;

    private final ServiceKind service;
    private final ObservableValue<ServiceHealth> health;
    private final StringBinding stateText;
    private final StringBinding styleClass;
    private final StringBinding summary;
    private final StringBinding shortSummary;
    private final StringBinding tooltip;
    private final StringBinding latency;
    private final StringBinding lastCheck;
    private final ObjectBinding<List<Map.Entry<String, String>>> details;

    public ServiceStatusModel(ServiceKind service, ObservableValue<ServiceHealth> health) {
        this.service = service;
        this.health = health;
        this.stateText = text(h -> stateName(h.state()));
        this.styleClass = text(h -> styleClassOf(h.state()));
        this.summary = text(this::ownSummary);
        this.shortSummary = text(h -> {
            String own = ownSummary(h);
            return own.length() <= SHORT_SUMMARY ? own : own.substring(0, SHORT_SUMMARY - 1) + "…";
        });
        this.tooltip = text(h -> name() + ": " + stateName(h.state()) + "\n" + h.summary());
        this.latency = text(h -> h.latencyMillis() > 0 ? h.latencyMillis() + " ms" : "–");
        this.lastCheck = text(h -> h.state() == ServiceHealth.State.CONNECTING || h.state() == ServiceHealth.State.UNKNOWN
                ? "–" : "checked " + CLOCK.format(h.checkedAt()));
        this.details = Bindings.createObjectBinding(() -> List.copyOf(health.getValue().details().entrySet()), health);
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

    public ServiceHealth.State state() {
        return health.getValue().state();
    }

    public StringBinding stateText() {
        return stateText;
    }

    /** The CSS class for the state's colour: state-up, state-degraded, state-down, state-connecting, state-unknown. */
    public StringBinding styleClass() {
        return styleClass;
    }

    public StringBinding summary() {
        return summary;
    }

    public StringBinding shortSummary() {
        return shortSummary;
    }

    /** The status bar tooltip: name, state and the whole summary (the reason when down). */
    public StringBinding tooltip() {
        return tooltip;
    }

    public StringBinding latency() {
        return latency;
    }

    public StringBinding lastCheck() {
        return lastCheck;
    }

    public ObjectBinding<List<Map.Entry<String, String>>> details() {
        return details;
    }

    /** The summary without a leading "ZooKeeper: ", which the card and the status bar already show. */
    private String ownSummary(ServiceHealth health) {
        String prefix = name() + ": ";
        return health.summary().startsWith(prefix) ? health.summary().substring(prefix.length()) : health.summary();
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

    private StringBinding text(Function<ServiceHealth, String> format) {
        return Bindings.createStringBinding(() -> format.apply(health.getValue()), health);
    }
}
