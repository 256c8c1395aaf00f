package io.tessera.console.hdfs;

import io.tessera.console.common.WriteControls;
import io.tessera.console.common.Fxml;
import io.tessera.engine.store.EntryOrder;
import io.tessera.engine.store.FileAction;
import io.tessera.engine.store.HdfsEntry;
import java.io.File;
import java.util.List;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.controlsfx.control.GridView;
import org.kordamp.ikonli.javafx.FontIcon;

/** The HDFS panel: toolbar, folder tree, table or thumbnail grid, preview, uploads and a status line. */
public final class HdfsView {
    private final HdfsViewModel viewModel;
    private final FolderViewModel folder;
    private final Parent root;
    private final FileOpsMenu menu;
    private boolean followingSelection;
    private UploadView upload;
    /** Held: a binding only its listener refers to would be collected. */
    private javafx.beans.binding.BooleanBinding noProblems;
    @FXML private Label subtitle;
    @FXML private Button trashButton;
    @FXML private Button newFolderButton;
    @FXML private Button uploadFilesButton;
    @FXML private Button uploadFolderButton;
    @FXML private Button backButton;
    @FXML private Button forwardButton;
    @FXML private Button upButton;
    @FXML private Button refreshButton;
    @FXML private PathCrumbs crumbs;
    @FXML private TextField pathField;
    @FXML private TextField filterField;
    @FXML private ToggleButton imagesOnly;
    @FXML private ToggleButton gridToggle;
    @FXML private SplitPane stack;
    @FXML private SplitPane split;
    @FXML private TreeView<String> folderTree;
    @FXML private StackPane contentPane;
    @FXML private TableView<HdfsEntry> table;
    @FXML private TableColumn<HdfsEntry, HdfsEntry> nameColumn;
    @FXML private TableColumn<HdfsEntry, String> sizeColumn;
    @FXML private TableColumn<HdfsEntry, String> modifiedColumn;
    @FXML private TableColumn<HdfsEntry, String> ownerColumn;
    @FXML private TableColumn<HdfsEntry, String> groupColumn;
    @FXML private TableColumn<HdfsEntry, String> permissionColumn;
    @FXML private TableColumn<HdfsEntry, Short> replicationColumn;
    @FXML private TableColumn<HdfsEntry, String> blockSizeColumn;
    @FXML private GridView<HdfsEntry> grid;
    @FXML private Label dropHint;
    @FXML private StackPane previewSlot;
    @FXML private StackPane uploadSlot;
    @FXML private Label status;
    @FXML private Button loadMoreButton;
    @FXML private Label error;
    @FXML private Label message;
    @FXML private Label permissionNote;
    @FXML private Button undoButton;

    public HdfsView(HdfsViewModel viewModel) {
        this.viewModel = viewModel;
        this.folder = viewModel.folder();
        this.root = Fxml.load(this);
        menu = new FileOpsMenu(viewModel.ops(), folder, this::chosen, root, viewModel.writes(), viewModel.permissions());
        table.setContextMenu(menu.menu());
        grid.setContextMenu(menu.menu());
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::keys);
        root.visibleProperty().addListener((obs, was, visible) -> viewModel.setShown(visible));
    }

    @FXML
    private void initialize() {
        subtitle.textProperty().bind(viewModel.subtitle());
        IdentityWarning.show(subtitle, viewModel.identityWarning());
        icon(trashButton, "fth-trash-2", "What is in your HDFS trash: restore or empty it");
        icon(backButton, "fth-arrow-left", "Back (Alt+Left, Backspace)");
        icon(forwardButton, "fth-arrow-right", "Forward (Alt+Right)");
        icon(upButton, "fth-arrow-up", "Up (Alt+Up)");
        icon(refreshButton, "fth-refresh-cw", "List again");
        backButton.disableProperty().bind(folder.canGoBack().not());
        forwardButton.disableProperty().bind(folder.canGoForward().not());
        folder.path().addListener((obs, old, now) -> showPath(now));
        crumbs.setOnOpen(folder::open);
        filterField.textProperty().bindBidirectional(folder.nameFilter());
        imagesOnly.selectedProperty().bindBidirectional(folder.imagesOnly());
        gridToggle.setGraphic(new FontIcon("fth-grid"));
        table.visibleProperty().bind(gridToggle.selectedProperty().not());
        grid.visibleProperty().bind(gridToggle.selectedProperty());
        setUpTable();
        setUpGrid();
        new FolderTree(folderTree, viewModel.tree(), folder, viewModel.ops());
        previewSlot.getChildren().add(new PreviewView(viewModel.preview(), viewModel.thumbnails()).root());
        setUpUploadStrip(new UploadView(viewModel.upload()));
        status.textProperty().bind(folder.status());
        loadMoreButton.visibleProperty().bind(folder.hasMore());
        loadMoreButton.disableProperty().bind(folder.loading());
        error.textProperty().bind(folder.error().isEmpty().flatMap(ok -> ok ? viewModel.ops().error() : folder.error()));
        message.textProperty().bind(viewModel.ops().message());
        undoButton.visibleProperty().bind(viewModel.ops().undoable().isNotNull());
        // a read-only profile: every write is disabled, with the reason as its tooltip; so is what HDFS permissions refuse
        WriteControls.guard(viewModel.writes(), undoButton);
        PermissionsViewModel permissions = viewModel.permissions();
        for (Button write : List.of(newFolderButton, uploadFilesButton, uploadFolderButton)) {
            WriteControls.guard(viewModel.writes(), write, permissions.refused(FileAction.WRITE_HERE), permissions.reason(FileAction.WRITE_HERE));
        }
        // JavaFX shows no tooltip over a disabled button: the reason is also a line under the title
        permissionNote.textProperty().bind(permissions.note());
        permissionNote.visibleProperty().bind(permissionNote.textProperty().isNotEmpty());
        permissionNote.managedProperty().bind(permissionNote.visibleProperty());
        permissionNote.setGraphic(new FontIcon("fth-lock"));
        Runnable check = () -> permissions.check(folder.path().get(), chosen());
        folder.path().addListener((obs, old, now) -> check.run());
        folder.selected().addListener((obs, old, now) -> check.run());
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<HdfsEntry>) change -> check.run());
        // after each change (done or refused by HDFS: someone changed the folder meanwhile) ask again
        viewModel.ops().message().addListener((obs, old, now) -> check.run());
        viewModel.ops().error().addListener((obs, old, now) -> check.run());
        setUpDrop();
    }

    /**
     * The upload strip joins the panel below the browser while it is open: a third of the height, more than half once
     * files were not stored (their list wants rows), nearly all of it when the operator expands it.
     */
    private void setUpUploadStrip(UploadView upload) {
        this.upload = upload;
        uploadSlot.getChildren().add(upload.root());
        Runnable place = () -> {
            if (stack.getItems().contains(uploadSlot)) {
                stack.setDividerPositions(upload.expanded().get() ? 0.1 : viewModel.upload().problems().isEmpty() ? 0.68 : 0.42);
            }
        };
        upload.shown().addListener((obs, was, now) -> {
            if (now && !stack.getItems().contains(uploadSlot)) {
                stack.getItems().add(uploadSlot);
                place.run();
            } else if (!now) {
                stack.getItems().remove(uploadSlot);
            }
        });
        upload.expanded().addListener((obs, was, now) -> place.run());
        noProblems = javafx.beans.binding.Bindings.isEmpty(viewModel.upload().problems());
        noProblems.addListener((obs, none, nowNone) -> place.run()); // the first problem of an upload: room for the list
    }

    private void setUpTable() {
        EntryTable.nameColumn(nameColumn);
        EntryTable.column(sizeColumn, EntryTable::size);
        EntryTable.column(modifiedColumn, EntryTable::modified);
        EntryTable.column(ownerColumn, HdfsEntry::owner);
        EntryTable.column(groupColumn, HdfsEntry::group);
        EntryTable.column(permissionColumn, HdfsEntry::permission);
        EntryTable.column(replicationColumn, e -> e.directory() ? null : e.replication());
        EntryTable.column(blockSizeColumn, EntryTable::blockSize);
        ColumnSizing.room(sizeColumn, "1023 bytes");
        ColumnSizing.room(modifiedColumn, "2026-12-31 23:59");
        ColumnSizing.givesWay(blockSizeColumn, 1); // at 1280 px: the preview shows these for the selected file
        ColumnSizing.givesWay(groupColumn, 2);
        ColumnSizing.givesWay(replicationColumn, 3);
        ColumnSizing.givesWay(ownerColumn, 4);
        EntryTable.setUp(table, Map.of(nameColumn, EntryOrder.NAME, sizeColumn, EntryOrder.SIZE, modifiedColumn, EntryOrder.MODIFIED,
                ownerColumn, EntryOrder.OWNER, groupColumn, EntryOrder.GROUP, permissionColumn, EntryOrder.PERMISSION,
                replicationColumn, EntryOrder.REPLICATION, blockSizeColumn, EntryOrder.BLOCK_SIZE), folder);
        Label empty = new Label();
        empty.textProperty().bind(folder.emptyText());
        table.setPlaceholder(empty);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!followingSelection) {
                folder.selected().set(now);
            }
        });
        folder.selected().addListener((obs, old, now) -> showSelected(now));
    }

    /** A selection made by the view model (a revealed file) is shown in the table, scrolled into view. */
    private void showSelected(HdfsEntry entry) {
        int index = entry == null ? -1 : table.getItems().indexOf(entry);
        if (index < 0 || table.getSelectionModel().getSelectedItem() == entry) {
            return;
        }
        followingSelection = true;
        try {
            table.getSelectionModel().clearAndSelect(index);
        } finally {
            followingSelection = false;
        }
        table.scrollTo(Math.max(0, index - 3));
    }

    private void setUpGrid() {
        grid.setItems(folder.entries());
        grid.setCellWidth(ThumbnailCell.BOX);
        grid.setCellHeight(ThumbnailCell.BOX + 8);
        grid.setHorizontalCellSpacing(CARD_SPACING);
        grid.widthProperty().addListener((obs, old, width) -> spreadColumns(width.doubleValue()));
        grid.setVerticalCellSpacing(6);
        LoadingPulse pulse = new LoadingPulse();
        grid.setCellFactory(g -> {
            ThumbnailCell cell = new ThumbnailCell(viewModel.thumbnails(), pulse, folder::loadMore);
            cell.setOnMouseClicked(e -> {
                if (cell.getItem() != null) {
                    table.getSelectionModel().clearSelection();
                    table.getSelectionModel().select(cell.getItem());
                    if (e.getClickCount() == 2) {
                        folder.openEntry(cell.getItem());
                    }
                }
            });
            cell.itemProperty().addListener((obs, old, now) -> cell.pseudoClassStateChanged(SELECTED, now != null && now == folder.selected().get()));
            folder.selected().addListener((obs, old, now) -> cell.pseudoClassStateChanged(SELECTED, now != null && now == cell.getItem()));
            return cell;
        });
        GridViewport.follow(grid, viewModel.thumbnails());
        // a hidden grid's cards do not ask for thumbnails nobody sees; shown, they ask
        grid.visibleProperty().addListener((obs, was, shown) -> {
            if (shown) {
                grid.lookupAll(".thumbnail-cell").forEach(cell -> ((ThumbnailCell) cell).resume());
            }
        });
    }

    private static final double CARD_SPACING = 6;

    /**
     * Spreads the grid's columns over its width: ControlsFX packs them to the left, which leaves up to a card's width
     * empty on the right (a third of the grid's width at 1280 px). As many columns as ControlsFX fits (its row is the
     * grid's width less 18 px for a scroll bar), the room left over (less the padding) shared out as spacing.
     */
    private void spreadColumns(double width) {
        int columns = Math.max(1, (int) Math.floor((width - 18) / (ThumbnailCell.BOX + 2 * CARD_SPACING)));
        double room = width - 18 - grid.getInsets().getLeft() - grid.getInsets().getRight();
        double spacing = Math.max(CARD_SPACING, Math.floor((room / columns - ThumbnailCell.BOX) / 2));
        if (spacing != grid.getHorizontalCellSpacing()) {
            grid.setHorizontalCellSpacing(spacing);
        }
    }

    private static final javafx.css.PseudoClass SELECTED = javafx.css.PseudoClass.getPseudoClass("selected");

    private void setUpDrop() {
        contentPane.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getGestureSource() == null && !viewModel.writes().refused().get()) {
                e.acceptTransferModes(TransferMode.COPY);
                dropHint.setVisible(true);
                e.consume();
            }
        });
        contentPane.setOnDragExited(e -> dropHint.setVisible(false));
        contentPane.setOnDragDropped(e -> {
            if (e.getDragboard().hasFiles()) {
                dropFiles(e.getDragboard().getFiles());
                e.setDropCompleted(true);
                e.consume();
            }
        });
    }

    /** Uploads dropped desktop files and folders into the open folder (what a drop onto the panel does). */
    void dropFiles(List<File> files) {
        dropHint.setVisible(false);
        java.util.Optional<String> refused = viewModel.permissions().refusal(FileAction.WRITE_HERE);
        if (refused.isPresent()) {
            viewModel.ops().refuse("Cannot upload here: " + refused.get());
            return;
        }
        viewModel.upload().upload(files.stream().map(File::toPath).toList(), folder.path().get());
    }

    private void keys(KeyEvent e) {
        boolean typing = e.getTarget() instanceof TextInputControl;
        if (e.isAltDown() && e.getCode() == KeyCode.LEFT || !typing && e.getCode() == KeyCode.BACK_SPACE) {
            folder.back();
        } else if (e.isAltDown() && e.getCode() == KeyCode.RIGHT) {
            folder.forward();
        } else if (e.isAltDown() && e.getCode() == KeyCode.UP) {
            folder.up();
        } else if (!typing && e.getCode() == KeyCode.ENTER) {
            folder.openEntry(folder.selected().get());
        } else if (e.getCode() == KeyCode.F5) {
            viewModel.refresh();
        } else {
            return;
        }
        e.consume();
    }

    private List<HdfsEntry> chosen() {
        List<HdfsEntry> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        return selected.isEmpty() && folder.selected().get() != null ? List.of(folder.selected().get()) : selected;
    }

    private void showPath(String path) {
        pathField.setText(path);
        crumbs.show(path);
        table.getSelectionModel().clearSelection();
        table.scrollTo(0);
    }

    private static void icon(Button button, String literal, String tip) {
        button.setGraphic(new FontIcon(literal));
        button.setTooltip(new Tooltip(tip));
    }

    @FXML
    private void back() {
        folder.back();
    }

    @FXML
    private void forward() {
        folder.forward();
    }

    @FXML
    private void up() {
        folder.up();
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    @FXML
    private void go() {
        folder.openTyped(pathField.getText());
    }

    @FXML
    private void loadMore() {
        folder.loadMore();
    }

    @FXML
    private void undo() {
        viewModel.ops().undo();
    }

    @FXML
    private void openTrash() {
        trashView().show(root.getScene().getWindow());
    }

    /** A new trash window's view (each opening lists the trash afresh). */
    TrashView trashView() {
        return new TrashView(viewModel.trash(), viewModel.writes());
    }

    @FXML
    private void newFolder() {
        menu.newFolder();
    }

    @FXML
    private void uploadFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Upload files to " + folder.path().get());
        List<File> files = chooser.showOpenMultipleDialog(root.getScene().getWindow());
        if (files != null) {
            dropFiles(files);
        }
    }

    @FXML
    private void uploadFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Upload a folder to " + folder.path().get());
        File chosenFolder = chooser.showDialog(root.getScene().getWindow());
        if (chosenFolder != null) {
            dropFiles(List.of(chosenFolder));
        }
    }

    TableView<HdfsEntry> table() {
        return table;
    }

    TreeView<String> folderTree() {
        return folderTree;
    }

    PathCrumbs crumbs() {
        return crumbs;
    }

    GridView<HdfsEntry> grid() {
        return grid;
    }

    UploadView upload() {
        return upload;
    }

    javafx.scene.control.TableView<UploadProblem> uploadProblems() {
        return upload.problems();
    }

    SplitPane stack() {
        return stack;
    }

    void showGrid(boolean on) {
        gridToggle.setSelected(on);
    }

    public Parent root() {
        return root;
    }
}
