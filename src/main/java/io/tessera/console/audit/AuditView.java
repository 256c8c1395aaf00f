package io.tessera.console.audit;

import io.tessera.console.common.Fxml;
import io.tessera.engine.audit.AuditResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Audit panel: verify button and outcome, filters, and the newest-first table of records (each row's tooltip is the whole record). */
public final class AuditView {
    private static final List<String> SINCE_CHOICES = List.of("", "1h", "24h", "7d", "30d");

    private final AuditViewModel viewModel;
    private final Parent root;
    @FXML private ProgressBar verifyProgress;
    @FXML private Label verifyOutcome;
    @FXML private Button verifyButton;
    @FXML private TextField userFilter;
    @FXML private ComboBox<String> actionFilter;
    @FXML private TextField targetFilter;
    @FXML private ComboBox<AuditResult> resultFilter;
    @FXML private ComboBox<String> sinceFilter;
    @FXML private Button reloadButton;
    @FXML private Label problem;
    @FXML private Label status;
    @FXML private TableView<AuditRow> table;
    @FXML private TableColumn<AuditRow, String> timeColumn;
    @FXML private TableColumn<AuditRow, String> userColumn;
    @FXML private TableColumn<AuditRow, String> identitiesColumn;
    @FXML private TableColumn<AuditRow, String> actionColumn;
    @FXML private TableColumn<AuditRow, String> targetsColumn;
    @FXML private TableColumn<AuditRow, String> resultColumn;
    @FXML private TableColumn<AuditRow, String> reasonColumn;
    @FXML private TableColumn<AuditRow, String> originColumn;

    public AuditView(AuditViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this);
        root.visibleProperty().addListener((obs, was, visible) -> viewModel.setShown(visible));
    }

    @FXML
    private void initialize() {
        verifyButton.setGraphic(new FontIcon("fth-shield"));
        verifyButton.disableProperty().bind(viewModel.verifying());
        verifyProgress.progressProperty().bind(viewModel.verifyProgress());
        verifyProgress.visibleProperty().bind(viewModel.verifying());
        verifyProgress.managedProperty().bind(viewModel.verifying());
        verifyOutcome.textProperty().bind(viewModel.verifyOutcome());
        verifyOutcome.setTooltip(new Tooltip());
        verifyOutcome.getTooltip().textProperty().bind(viewModel.verifyDetails());
        verifyOutcome.getTooltip().setWrapText(true);
        verifyOutcome.getTooltip().setMaxWidth(640);
        viewModel.intact().addListener((obs, old, now) -> styleOutcome(now));
        reloadButton.setGraphic(new FontIcon("fth-refresh-cw"));
        problem.textProperty().bind(viewModel.problem());
        problem.managedProperty().bind(viewModel.problem().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        status.textProperty().bind(viewModel.status());
        setUpFilters();
        setUpTable();
    }

    private void setUpFilters() {
        userFilter.textProperty().bindBidirectional(viewModel.user());
        actionFilter.setItems(viewModel.actions());
        actionFilter.valueProperty().bindBidirectional(viewModel.action());
        targetFilter.textProperty().bindBidirectional(viewModel.target());
        List<AuditResult> results = new ArrayList<>(Arrays.asList(AuditResult.values()));
        results.addFirst(null);
        resultFilter.setItems(FXCollections.observableList(results));
        resultFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(AuditResult result) {
                return result == null ? "Any result" : result.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public AuditResult fromString(String text) {
                return text == null || text.equals("Any result") ? null : AuditResult.valueOf(text.toUpperCase(Locale.ROOT));
            }
        });
        resultFilter.valueProperty().bindBidirectional(viewModel.result());
        sinceFilter.setItems(FXCollections.observableList(SINCE_CHOICES));
        sinceFilter.valueProperty().bindBidirectional(viewModel.since());
        sinceFilter.setTooltip(new Tooltip("An age (90s, 15m, 2h, 7d), an instant (2026-12-05T10:00:00Z) or a day (2026-12-05)"));
    }

    private void setUpTable() {
        table.setItems(viewModel.rows());
        table.setPlaceholder(new Label("No audit records match: operator actions appear here as they are done"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        text(timeColumn, AuditRow::time);
        text(userColumn, AuditRow::user);
        text(identitiesColumn, AuditRow::identities);
        text(actionColumn, AuditRow::action);
        // the first target whole and how many more (a submit names the job and its input); the row's tooltip lists them all
        text(targetsColumn, row -> firstAndCount(row.record().targets()));
        text(resultColumn, AuditRow::result);
        text(reasonColumn, AuditRow::reason);
        text(originColumn, AuditRow::origin);
        resultColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String result, boolean empty) {
                super.updateItem(result, empty);
                setText(empty ? null : result);
                getStyleClass().removeAll("audit-result-failed", "audit-result-denied");
                if (!empty && result != null && !result.equals("done")) {
                    getStyleClass().add("audit-result-" + result);
                }
            }
        });
        table.setRowFactory(t -> {
            TableRow<AuditRow> row = new TableRow<>();
            Tooltip tip = new Tooltip();
            tip.setShowDelay(Duration.millis(400));
            tip.setWrapText(true);
            tip.setMaxWidth(720);
            row.itemProperty().addListener((obs, old, item) -> {
                tip.setText(item == null ? "" : item.details());
                row.setTooltip(item == null ? null : tip);
            });
            return row;
        });
    }

    private static String firstAndCount(java.util.List<String> targets) {
        return targets.isEmpty() ? "" : targets.size() == 1 ? targets.getFirst() : targets.getFirst() + " (+" + (targets.size() - 1) + ")";
    }

    private static void text(TableColumn<AuditRow, String> column, Function<AuditRow, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    private void styleOutcome(Boolean intact) {
        verifyOutcome.getStyleClass().removeAll("audit-intact", "audit-broken");
        if (intact != null) {
            verifyOutcome.getStyleClass().add(intact ? "audit-intact" : "audit-broken");
        }
        verifyOutcome.setGraphic(intact == null ? null : new FontIcon(intact ? "fth-check-circle" : "fth-alert-triangle"));
    }

    @FXML
    private void verify() {
        viewModel.verify();
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }

    public Parent root() {
        return root;
    }
}
