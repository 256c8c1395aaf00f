package io.tessera.console.health;

import io.tessera.console.connection.Writes;
import io.tessera.console.connection.Session;
import io.tessera.console.status.ServiceStatusModel;
import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.engine.health.HdfsFigures;
import io.tessera.engine.health.RedisFigures;
import io.tessera.engine.health.ZooKeeperFigures;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The health panel, an operations dashboard: a card per service, the alerts, charts of the last 15 minutes, each
 * DataNode, each ZooKeeper server, Redis's figures and slowlog, and the workers with drain and stop.
 */
public final class HealthViewModel {
    /** One chart: its title, the figures ({@link ChartedFigures}) it draws, and a fixed top of its scale (0: as the data needs). */
    public record Chart(String title, List<String> figures, double top) {}

    static final List<Chart> CHARTS = List.of(
            new Chart("Images/s (all workers)", List.of(ChartedFigures.IMAGES_PER_SECOND), 0),
            new Chart("Latency (ms)", List.of(ChartedFigures.NAMENODE_MS, ChartedFigures.ZOOKEEPER_MS), 0),
            new Chart("Redis operations/s", List.of(ChartedFigures.REDIS_OPS), 0),
            new Chart("Redis memory (MB)", List.of(ChartedFigures.REDIS_MB), 0),
            new Chart("HDFS used (%)", List.of(ChartedFigures.HDFS_USED), 100));

    private final Session session;
    private final DashboardModel dashboard;
    private final List<ServiceStatusModel> services;
    private final StringBinding subtitle;
    private final BooleanBinding canCheck;
    private final ObservableList<ServiceRows.DataNodeRow> dataNodes = FXCollections.observableArrayList();
    private final ObservableList<Map.Entry<String, String>> hdfsFacts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper dataNodesNote = new ReadOnlyStringWrapper("");
    private final ObservableList<ServiceRows.ZooKeeperRow> zooKeeperServers = FXCollections.observableArrayList();
    private final ObservableList<Map.Entry<String, String>> redisFacts = FXCollections.observableArrayList();
    private final ObservableList<ServiceRows.SlowRow> slowlog = FXCollections.observableArrayList();

    public HealthViewModel(Session session, DashboardModel dashboard) {
        this.session = session;
        this.dashboard = dashboard;
        this.services = Arrays.stream(ServiceKind.values())
                .map(kind -> new ServiceStatusModel(kind, session.health().healthProperty(kind)))
                .toList();
        this.subtitle = Bindings.createStringBinding(() -> subtitleFor(session), session.activeProfileProperty(), session.phaseProperty());
        this.canCheck = Bindings.createBooleanBinding(() -> session.phaseProperty().get() == Session.Phase.CONNECTED, session.phaseProperty());
        for (ServiceKind kind : ServiceKind.values()) {
            ObservableValue<ServiceHealth> health = session.health().healthProperty(kind);
            health.addListener((obs, old, now) -> show(now));
            show(health.getValue());
        }
    }

    /** Fills the service's tables from its latest figures; a service without figures (down, connecting) empties them. */
    private void show(ServiceHealth health) {
        switch (health.service()) {
            case HDFS -> {
                if (health.figures() instanceof HdfsFigures hdfs) {
                    dataNodes.setAll(ServiceRows.dataNodes(hdfs));
                    hdfsFacts.setAll(ServiceRows.blocks(hdfs));
                    dataNodesNote.set(hdfs.dataNodesNote() == null ? "" : "DataNodes " + hdfs.dataNodesNote());
                } else {
                    dataNodes.clear();
                    hdfsFacts.clear();
                    dataNodesNote.set(unavailable(health));
                }
            }
            case ZOOKEEPER -> zooKeeperServers.setAll(health.figures() instanceof ZooKeeperFigures zk ? ServiceRows.zooKeeper(zk.members()) : List.of());
            case REDIS -> {
                if (health.figures() instanceof RedisFigures redis) {
                    redisFacts.setAll(ServiceRows.redis(redis));
                    slowlog.setAll(ServiceRows.slowlog(redis.slowlog()));
                } else {
                    redisFacts.clear();
                    slowlog.clear();
                }
            }
        }
    }

    /** What an empty table says while its service has no figures. */
    static String unavailable(ServiceHealth health) {
        return switch (health.state()) {
            case DOWN -> "Not available: " + health.service().displayName() + " is down.";
            case CONNECTING, UNKNOWN -> "Waiting for the first check…";
            default -> "";
        };
    }

    /** Whether the active profile allows asking workers to drain or stop. */
    public Writes writes() {
        return session.connection().writes();
    }

    public DashboardModel dashboard() {
        return dashboard;
    }

    public List<Chart> charts() {
        return CHARTS;
    }

    public ObservableList<ServiceRows.DataNodeRow> dataNodes() {
        return dataNodes;
    }

    public ObservableList<Map.Entry<String, String>> hdfsFacts() {
        return hdfsFacts;
    }

    /** Why the DataNode table is empty (down, not allowed), or empty. */
    public ReadOnlyStringProperty dataNodesNote() {
        return dataNodesNote.getReadOnlyProperty();
    }

    public ObservableList<ServiceRows.ZooKeeperRow> zooKeeperServers() {
        return zooKeeperServers;
    }

    public ObservableList<Map.Entry<String, String>> redisFacts() {
        return redisFacts;
    }

    public ObservableList<ServiceRows.SlowRow> slowlog() {
        return slowlog;
    }

    /** What a service's empty table says now. */
    public String placeholder(ServiceKind service) {
        return unavailable(session.health().healthProperty(service).get());
    }

    private static String subtitleFor(Session session) {
        String profile = session.activeProfileProperty().get().name();
        return switch (session.phaseProperty().get()) {
            case STARTING_LOCAL -> "Profile " + profile + " · the local cluster is starting";
            case CONNECTING -> "Profile " + profile + " · connecting";
            case CONNECTED -> "Profile " + profile + " · checked every 5 seconds";
            case FAILED -> "Profile " + profile + " · not connected";
            case STOPPING, STOPPED -> "Profile " + profile + " · stopping";
            case IDLE -> "Profile " + profile;
        };
    }

    public void checkNow() {
        session.checkNow();
    }

    public List<ServiceStatusModel> services() {
        return services;
    }

    public StringBinding subtitle() {
        return subtitle;
    }

    public BooleanBinding canCheck() {
        return canCheck;
    }

    public ReadOnlyBooleanProperty checking() {
        return session.health().checkingProperty();
    }

    /** Why the active profile is not connected, or empty. */
    public ReadOnlyStringProperty problem() {
        return session.problemProperty();
    }
}
