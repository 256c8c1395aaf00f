package io.tessera.console.health;

import io.tessera.console.common.WriteControls;
import io.tessera.console.common.Fxml;
import io.tessera.engine.ServiceKind;
import io.tessera.engine.health.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The health panel: service cards, alerts, charts, then DataNodes, ZooKeeper servers, Redis and the workers. */
public final class HealthView {
    private final HealthViewModel viewModel;
    private final Parent root;
    private final List<HistoryChart> historyCharts = new ArrayList<>();
    @FXML private Label subtitle;
    @FXML private Label problem;
    @FXML private ProgressIndicator spinner;
    @FXML private Button checkNow;
    @FXML private VBox alerts;
    @FXML private GridPane cards;
    @FXML private HBox charts;
    @FXML private GridPane hdfsFacts;
    @FXML private TableView<ServiceRows.DataNodeRow> dataNodes;
    @FXML private TableView<ServiceRows.ZooKeeperRow> zooKeeperServers;
    @FXML private GridPane redisFacts;
    @FXML private TableView<ServiceRows.SlowRow> slowlog;
    @FXML private Label workersNote;
    @FXML private Label notice;
    @FXML private TableView<WorkerRow> workers;
    @FXML private Button drain;
    @FXML private Button stop;

    public HealthView(HealthViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        subtitle.textProperty().bind(viewModel.subtitle());
        problem.textProperty().bind(viewModel.problem());
        showWhenText(problem);
        spinner.visibleProperty().bind(viewModel.checking());
        checkNow.disableProperty().bind(viewModel.canCheck().not());
        int column = 0;
        for (var service : viewModel.services()) {
            ColumnConstraints equalShare = new ColumnConstraints();
            equalShare.setPercentWidth(100.0 / viewModel.services().size());
            cards.getColumnConstraints().add(equalShare);
            cards.add(new ServiceCardView(service).root(), column++, 0);
        }
        DashboardModel dashboard = viewModel.dashboard();
        showAlerts(dashboard.alerts());
        dashboard.alerts().addListener((ListChangeListener<Alert>) change -> showAlerts(dashboard.alerts()));
        for (HealthViewModel.Chart spec : viewModel.charts()) {
            HistoryChart chart = new HistoryChart(spec, dashboard.history().window());
            historyCharts.add(chart);
            HBox.setHgrow(chart.node(), Priority.ALWAYS);
            charts.getChildren().add(chart.node());
        }
        dashboard.historyRevision().addListener((obs, old, now) -> drawCharts());
        drawCharts();
        facts(hdfsFacts, viewModel.hdfsFacts());
        facts(redisFacts, viewModel.redisFacts());
        dataNodeTable();
        zooKeeperTable();
        slowlogTable();
        workerTable();
    }

    private void drawCharts() {
        Instant now = Instant.now();
        historyCharts.forEach(chart -> chart.draw(viewModel.dashboard().history(), now));
    }

    private void showAlerts(List<Alert> now) {
        alerts.getChildren().clear();
        for (Alert alert : now) {
            Label line = new Label(alert.source() + ": " + alert.message(),
                    new FontIcon(alert.severity() == Alert.Severity.CRITICAL ? "fth-x-octagon" : "fth-alert-triangle"));
            line.getStyleClass().addAll("alert-line", alert.severity() == Alert.Severity.CRITICAL ? "alert-critical" : "alert-warning");
            line.setWrapText(true);
            line.setMaxWidth(Double.MAX_VALUE);
            alerts.getChildren().add(line);
        }
        alerts.setVisible(!now.isEmpty());
        alerts.setManaged(!now.isEmpty());
    }

    private static void facts(GridPane grid, ObservableList<Map.Entry<String, String>> rows) {
        rows.addListener((ListChangeListener<Map.Entry<String, String>>) change -> FactGrid.show(grid, rows, true));
        FactGrid.show(grid, rows, true);
    }

    private void dataNodeTable() {
        TextTables.show(dataNodes, viewModel.dataNodes(), ServiceRows.DataNodeRow::bad, List.of(
                TextTables.column("DataNode", ServiceRows.DataNodeRow::name, 240),
                TextTables.column("State", ServiceRows.DataNodeRow::state, 170),
                TextTables.column("Used", ServiceRows.DataNodeRow::usage, 220),
                TextTables.column("Free", ServiceRows.DataNodeRow::remaining, 100),
                TextTables.column("Last contact", ServiceRows.DataNodeRow::lastContact, 125),
                TextTables.column("Failed volumes", ServiceRows.DataNodeRow::failedVolumes, 0)));
        viewModel.dataNodesNote().addListener((obs, old, now) -> TextTables.placeholder(dataNodes, now.isEmpty() ? "No DataNode reported" : now));
        TextTables.placeholder(dataNodes, viewModel.placeholder(ServiceKind.HDFS));
    }

    private void zooKeeperTable() {
        TextTables.show(zooKeeperServers, viewModel.zooKeeperServers(), ServiceRows.ZooKeeperRow::bad, List.of(
                TextTables.column("Server", ServiceRows.ZooKeeperRow::address, 200),
                TextTables.column("Mode", ServiceRows.ZooKeeperRow::mode, 220),
                TextTables.column("Latency avg / max", ServiceRows.ZooKeeperRow::latency, 165),
                TextTables.column("Outstanding", ServiceRows.ZooKeeperRow::outstanding, 120),
                TextTables.column("Znodes", ServiceRows.ZooKeeperRow::znodes, 90),
                TextTables.column("Watches", ServiceRows.ZooKeeperRow::watches, 95),
                TextTables.column("Connections", ServiceRows.ZooKeeperRow::connections, 0)));
        TextTables.placeholder(zooKeeperServers, "Not available while ZooKeeper does not answer");
    }

    private void slowlogTable() {
        TextTables.show(slowlog, viewModel.slowlog(), row -> false, List.of(
                TextTables.column("At", ServiceRows.SlowRow::at, 90),
                TextTables.column("Took", ServiceRows.SlowRow::duration, 90),
                TextTables.column("Command", ServiceRows.SlowRow::command, 0)));
        TextTables.placeholder(slowlog, "No slow command recorded (or Redis is not reachable)");
    }

    private void workerTable() {
        TextTables.show(workers, viewModel.dashboard().workers(), WorkerRow::silent, List.of(
                TextTables.column("Worker", WorkerRow::id, 230),
                TextTables.column("Host", WorkerRow::host, 140),
                TextTables.column("Threads", WorkerRow::threads, 80),
                TextTables.column("At hand", WorkerRow::atHand, 90),
                TextTables.column("Images/s", WorkerRow::imagesPerSecond, 100),
                TextTables.column("Last report", WorkerRow::lastReport, 120),
                TextTables.column("Version", WorkerRow::version, 140),
                TextTables.column("Jobs", WorkerRow::jobs, 0)));
        TextTables.placeholder(workers, "No worker registered");
        workersNote.textProperty().bind(viewModel.dashboard().workersNote());
        showWhenText(workersNote);
        notice.textProperty().bind(viewModel.dashboard().notice());
        showWhenText(notice);
        keepSelectedWorker();
        var none = workers.getSelectionModel().selectedItemProperty().isNull();
        WriteControls.guard(viewModel.writes(), drain, none); // never on a read-only profile, with the reason as tooltip
        WriteControls.guard(viewModel.writes(), stop, none);
    }

    /** The list is read again every few seconds (new rows): the worker selected stays selected, by id. */
    private void keepSelectedWorker() {
        String[] selectedId = {null};
        workers.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                selectedId[0] = now.id();
            }
        });
        workers.getItems().addListener((ListChangeListener<WorkerRow>) change -> {
            if (selectedId[0] == null) {
                return;
            }
            workers.getItems().stream().filter(row -> row.id().equals(selectedId[0])).findFirst()
                    .ifPresentOrElse(row -> workers.getSelectionModel().select(row), () -> selectedId[0] = null);
        });
    }

    private static void showWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void checkNow() {
        viewModel.checkNow();
    }

    @FXML
    private void drain() {
        WorkerRow worker = workers.getSelectionModel().getSelectedItem();
        if (worker != null && confirm("Drain worker " + worker.id() + "?",
                "It takes no new tasks, finishes the images it holds, then leaves; a headless worker exits.")) {
            viewModel.dashboard().drain(worker.id());
        }
    }

    @FXML
    private void stop() {
        WorkerRow worker = workers.getSelectionModel().getSelectedItem();
        if (worker != null && confirm("Stop worker " + worker.id() + " now?",
                "Its tasks go back to the other workers at once (images in progress are redone elsewhere); then it leaves.")) {
            viewModel.dashboard().stop(worker.id());
        }
    }

    private boolean confirm(String question, String detail) {
        javafx.scene.control.Alert dialog = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION, detail,
                ButtonType.CANCEL, ButtonType.OK);
        dialog.setHeaderText(question);
        dialog.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        return dialog.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    public Parent root() {
        return root;
    }
}
