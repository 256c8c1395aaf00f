package io.tessera.console.hdfs;

import io.tessera.console.common.WriteControls;
import io.tessera.console.connection.Writes;
import io.tessera.console.common.Formats;
import io.tessera.console.common.Fxml;
import io.tessera.engine.store.DeletePlan;
import io.tessera.engine.store.RestoreClash;
import io.tessera.engine.store.TrashItem;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/** The trash browser window: the trash's items, restore with a choice for taken names, empty after a confirmation. */
final class TrashView {
    private static final Map<RestoreClash, String> CLASH_TEXT = Map.of(RestoreClash.KEEP_BOTH, "Keep both (restore as “name (1)”)",
            RestoreClash.SKIP, "Skip (leave it in the trash)", RestoreClash.REPLACE, "Replace (the newer one goes to the trash)");
    /** Items named in the empty-trash confirmation; the rest are counted. */
    private static final int NAMED = 12;

    private final TrashViewModel viewModel;
    private final Writes writes;
    private final Parent root;
    @FXML private Label status;
    @FXML private Button reloadButton;
    @FXML private TableView<TrashItem> table;
    @FXML private TableColumn<TrashItem, String> originalColumn;
    @FXML private TableColumn<TrashItem, String> deletedColumn;
    @FXML private TableColumn<TrashItem, String> sizeColumn;
    @FXML private TableColumn<TrashItem, String> bucketColumn;
    @FXML private Label error;
    @FXML private Label message;
    @FXML private ComboBox<RestoreClash> clash;
    @FXML private Button restoreButton;
    @FXML private Button emptyButton;

    TrashView(TrashViewModel viewModel, Writes writes) {
        this.viewModel = viewModel;
        this.writes = writes;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        status.textProperty().bind(viewModel.status());
        error.textProperty().bind(viewModel.error());
        message.textProperty().bind(viewModel.message());
        reloadButton.setGraphic(new FontIcon("fth-refresh-cw"));
        reloadButton.setTooltip(new Tooltip("Read the trash again"));
        column(originalColumn, TrashItem::originalPath);
        column(deletedColumn, i -> (i.deletedExactly() ? "" : "≈ ") + EntryTable.time(i.deleted()));
        column(sizeColumn, i -> i.directory() ? "folder" : Formats.size(i.size()));
        column(bucketColumn, i -> i.bucket().equals("Current") ? "current" : "checkpoint " + i.bucket());
        deletedColumn.setComparator(String::compareTo);
        table.setItems(viewModel.items());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("Nothing in the trash"));
        ColumnSizing.fillWith(table, originalColumn);
        clash.getItems().setAll(RestoreClash.KEEP_BOTH, RestoreClash.SKIP, RestoreClash.REPLACE);
        clash.valueProperty().bindBidirectional(viewModel.clash());
        clash.setConverter(new StringConverter<>() {
            @Override
            public String toString(RestoreClash c) {
                return c == null ? "" : CLASH_TEXT.get(c);
            }

            @Override
            public RestoreClash fromString(String s) {
                return null;
            }
        });
        WriteControls.guard(writes, restoreButton, table.getSelectionModel().selectedItemProperty().isNull().or(viewModel.busy()));
        WriteControls.guard(writes, emptyButton, viewModel.busy());
    }

    private static void column(TableColumn<TrashItem, String> column, Function<TrashItem, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    /** Opens the trash window over the panel's window and lists the trash. */
    void show(Window owner) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("HDFS trash");
        Scene scene = new Scene(root);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        viewModel.load();
        stage.show();
    }

    @FXML
    private void reload() {
        viewModel.load();
    }

    @FXML
    private void restore() {
        viewModel.restore(List.copyOf(table.getSelectionModel().getSelectedItems()));
    }

    @FXML
    private void emptyTrash() {
        List<TrashItem> listed = List.copyOf(viewModel.items());
        viewModel.planEmpty(plan -> confirm(plan, listed));
    }

    private void confirm(DeletePlan plan, List<TrashItem> listed) {
        Alert confirm = new Alert(Alert.AlertType.WARNING, "", ButtonType.CANCEL, ButtonType.OK);
        confirm.initOwner(root.getScene().getWindow());
        confirm.setTitle("Empty the trash");
        confirm.setHeaderText("Delete everything in the trash for good?");
        confirm.setContentText("This removes " + FileOpsViewModel.describe(plan) + ". It cannot be undone.");
        TextArea what = new TextArea(whatGoes(listed));
        what.setEditable(false);
        what.setPrefRowCount(Math.min(NAMED + 1, Math.max(2, listed.size())));
        confirm.getDialogPane().setExpandableContent(what);
        confirm.getDialogPane().setExpanded(true);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setText("Empty trash");
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> viewModel.empty(plan));
    }

    @FXML
    private void close() {
        root.getScene().getWindow().hide();
    }

    static String whatGoes(List<TrashItem> listed) {
        String named = listed.stream().limit(NAMED).map(TrashItem::originalPath).collect(Collectors.joining("\n"));
        return listed.size() > NAMED ? named + "\n… and " + Formats.number(listed.size() - NAMED) + " more" : named;
    }

    Parent root() {
        return root;
    }

    TableView<TrashItem> table() {
        return table;
    }
}
