package io.tessera.console.hdfs;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.FxUiThread;
import io.tessera.console.common.Stylesheets;
import io.tessera.console.connection.ActiveConnection;
import io.tessera.console.theme.Theme;
import io.tessera.engine.store.EmptyFiles;
import io.tessera.engine.store.HdfsEntry;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TreeItem;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import io.tessera.testing.FxTest;

/** The HDFS panel headless against the shared embedded cluster, wired as in the app through an ActiveConnection. */
@FxTest
class HdfsViewTest {
    private PanelHarness panel;
    private FxRobot robot;
    private HdfsViewModel viewModel;
    private HdfsView view;
    private javafx.stage.Stage stage;
    @TempDir Path scratch;

    @BeforeEach
    void start() throws Exception {
        panel = new PanelHarness(scratch, 1500, 940, null); // the panel alone at the main window's default size
        robot = panel.robot;
        viewModel = panel.viewModel;
        view = panel.view;
        stage = panel.stage;
    }

    @AfterEach
    void stop() throws Exception {
        panel.stop();
    }

    @Test
    void theTableShowsAFolderTheGridShowsThumbnailsAndSelectingAnImageFillsThePreview() throws Exception {
        String folder = HdfsTesting.freshFolder("view");
        HdfsTesting.backend().files().mkdir(folder + "/sub");
        HdfsTesting.put(folder, scratch, "a.jpg", TestImages.noisyJpeg(320, 240, 1), "b.jpg", TestImages.jpegWithExif(300, 200, "Nikon", "Nikon Z6", 1, "2023:01:02 03:04:05"),
                "c.png", TestImages.png(120, 90));
        EmptyFiles.create(HdfsTesting.connection(), folder, 1, "broken", "jpg", 1);

        robot.interact(() -> viewModel.folder().open(folder));
        waitFor(() -> view.table().getItems().size() == 5);
        waitFor(() -> visibleLabel("b.jpg") != null);
        assertEquals("sub", view.table().getItems().getFirst().name(), "folders first");

        robot.interact(() -> view.showGrid(true));
        waitFor(() -> thumbnailsShown() == 3);
        waitFor(() -> failedCellTooltip() != null && failedCellTooltip().contains("empty"));

        // Where b.jpg's cell is, read on the FX thread: a thumbnail arriving may replace the label node meanwhile.
        javafx.geometry.Point2D cellCentre = fx(() -> {
            Label label = robot.lookup((Node n) -> n instanceof Label l && "b.jpg".equals(l.getText()) && l.getStyleClass().contains("thumbnail-label")).queryAs(Label.class);
            javafx.geometry.Bounds b = label.localToScreen(label.getBoundsInLocal());
            return new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY());
        });
        robot.clickOn(cellCentre);
        waitFor(() -> visibleLabel("300×200") != null);
        assertNotNull(visibleLabel("Nikon Z6"), "EXIF camera shown");
        waitFor(() -> robot.lookup(".hdfs-preview-picture .image-view").queryAs(ImageView.class).getImage() != null);
        waitFor(() -> !robot.lookup(".hdfs-blocks").queryAs(ListView.class).getItems().isEmpty());
        HdfsEntry selected = viewModel.folder().selected().get();
        assertEquals(folder + "/b.jpg", selected.path());
    }

    /**
     * The tree's root lists when the panel connects, and Refresh lists it again: a folder made elsewhere (another
     * console, the CLI) shows after Refresh, and the root is shown open.
     */
    @Test
    void refreshListsTheFolderTreeAgain() throws Exception {
        robot.interact(() -> viewModel.setShown(true)); // as the app does when the panel shows: the start folder opens
        TreeItem<String> root = fx(() -> view.folderTree().getRoot());
        waitFor(() -> fx(() -> root.getChildren().stream().anyMatch(c -> c.getValue() != null)));
        String made = "/tree-" + UUID.randomUUID().toString().substring(0, 8);
        HdfsTesting.backend().files().mkdir(made);
        assertFalse(fx(() -> root.getChildren().stream().anyMatch(c -> made.equals(c.getValue()))), "listed before the folder was made");

        robot.clickOn(".hdfs-toolbar #refreshButton");

        waitFor(() -> fx(() -> root.getChildren().stream().anyMatch(c -> made.equals(c.getValue()))));
        assertTrue(fx(root::isExpanded), "the root shows open");
    }

    /** A folder opened from the path field (or breadcrumbs, or the table) is revealed in the tree: ancestors listed and opened, its row selected. */
    @Test
    void aDeepFolderOpenedElsewhereIsRevealedAndSelectedInTheTree() throws Exception {
        String folder = HdfsTesting.freshFolder("reveal");
        String deep = folder + "/2024/june/beach";
        HdfsTesting.backend().files().mkdir(deep);
        robot.interact(() -> viewModel.setShown(true));
        TreeItem<String> root = fx(() -> view.folderTree().getRoot());
        waitFor(() -> fx(() -> root.getChildren().stream().anyMatch(c -> c.getValue() != null)));

        robot.interact(() -> viewModel.folder().open(deep));

        waitFor(() -> fx(() -> view.folderTree().getSelectionModel().getSelectedItem() != null
                && deep.equals(view.folderTree().getSelectionModel().getSelectedItem().getValue())));
        for (String ancestor : List.of(folder, folder + "/2024", folder + "/2024/june")) {
            assertTrue(fx(() -> treeItem(ancestor).isExpanded()), ancestor + " is open");
        }
        assertTrue(fx(() -> view.folderTree().getRow(view.folderTree().getSelectionModel().getSelectedItem())) >= 0, "its row is shown");
        assertEquals(deep, fx(() -> viewModel.folder().path().get()), "revealing it did not open another folder");
    }

    /**
     * Only the operator's selection opens a folder: clicking a row does; the tree moving its selection itself (the
     * selected row's parent collapsed, so the selection falls back on it) does not.
     */
    @Test
    void aClickOnATreeRowOpensItButTheTreesOwnSelectionMovesDoNot() throws Exception {
        String folder = HdfsTesting.freshFolder("treeclick");
        HdfsTesting.backend().files().mkdir(folder + "/inner/deeper");
        robot.interact(() -> viewModel.setShown(true));
        robot.interact(() -> viewModel.folder().open(folder + "/inner/deeper"));
        waitFor(() -> fx(() -> view.folderTree().getSelectionModel().getSelectedItem() != null
                && (folder + "/inner/deeper").equals(view.folderTree().getSelectionModel().getSelectedItem().getValue())));

        robot.interact(() -> treeItem(folder + "/inner").setExpanded(false));
        assertEquals(folder + "/inner", fx(() -> view.folderTree().getSelectionModel().getSelectedItem().getValue()), "the selection fell back on the collapsed row");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(folder + "/inner/deeper", fx(() -> viewModel.folder().path().get()), "the tree's own move opened nothing");

        Node row = fx(() -> view.folderTree().lookupAll(".tree-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TreeCell<?> c && folder.equals(c.getItem())).findFirst().orElseThrow());
        // near the row's left end: a cell is as wide as its text, wider than the tree's pane, and its centre may lie beyond it
        javafx.geometry.Bounds at = fx(() -> row.localToScreen(row.getBoundsInLocal()));
        robot.clickOn(new javafx.geometry.Point2D(at.getMinX() + 30, at.getCenterY()));
        waitFor(() -> fx(() -> folder.equals(viewModel.folder().path().get())));
    }

    @Test
    void aFilterThatHidesEverythingSaysSoRatherThanEmptyFolder() throws Exception {
        String folder = HdfsTesting.freshFolder("filter");
        HdfsTesting.put(folder, scratch, "beach.jpg", TestImages.jpeg(64, 48));
        robot.interact(() -> viewModel.folder().open(folder));
        waitFor(() -> view.table().getItems().size() == 1);

        robot.interact(() -> viewModel.folder().nameFilter().set("zzz"));

        waitFor(() -> view.table().getItems().isEmpty());
        assertEquals("No entries here match \u201czzz\u201d: clear the filter to see all", fx(() -> ((Label) view.table().getPlaceholder()).getText()));
        robot.interact(() -> viewModel.folder().nameFilter().set(""));
        waitFor(() -> view.table().getItems().size() == 1);
        assertEquals("Empty folder", fx(() -> ((Label) view.table().getPlaceholder()).getText()));
    }

    /** TestFX cannot synthesize an OS drag with a file Dragboard headlessly: this calls the view's drop handler with the files. */
    @Test
    void filesDroppedOntoTheViewAreUploadedIntoTheOpenFolder() throws Exception {
        String folder = HdfsTesting.freshFolder("drop");
        Path one = Files.write(scratch.resolve("dropped one.jpg"), TestImages.jpeg(64, 64));
        Path bad = Files.write(scratch.resolve("bad.jpg"), "not an image".getBytes());
        Path hidden = Files.write(scratch.resolve(".cover.jpg"), TestImages.jpeg(64, 64));
        Path reversed = Files.write(scratch.resolve("photo\u202Egpj.exe"), TestImages.jpeg(64, 64));
        robot.interact(() -> viewModel.folder().open(folder));
        waitFor(() -> viewModel.folder().status().get().startsWith("0 entries in "));

        robot.interact(() -> view.dropFiles(List.of(one.toFile(), bad.toFile(), hidden.toFile(), reversed.toFile())));

        waitFor(() -> view.table().getItems().stream().anyMatch(e -> e.name().equals("dropped one.jpg")));
        waitFor(() -> visibleLabelStarting("Done: 1 uploaded") != null);
        assertTrue(fx(() -> view.uploadProblems().getItems().stream()
                .anyMatch(p -> p.file().equals("bad.jpg") && p.outcome().equals("refused") && p.reason().startsWith("not an image"))), "the refused file is listed with its reason");
        // rendered in the strip's cells, the reasons name the character and never print it
        problemShown(".cover.jpg", "hidden name \".cover.jpg\": jobs leave out names starting with '.'");
        problemShown("photo<U+202E>gpj.exe", "name contains U+202E RIGHT-TO-LEFT OVERRIDE");
        assertTrue(fx(() -> renderedProblemTexts().stream().noneMatch(t -> t.contains("\u202E"))));
        assertEquals(1, view.table().getItems().size());
    }

    /** Scrolls the upload strip's problem table to the file's row and waits for its name and reason to be drawn. */
    private void problemShown(String file, String reason) throws Exception {
        robot.interact(() -> view.uploadProblems().getItems().stream().filter(p -> p.file().equals(file)).findFirst()
                .ifPresent(view.uploadProblems()::scrollTo));
        waitFor(() -> renderedProblemTexts().contains(file) && renderedProblemTexts().stream().anyMatch(t -> t.startsWith(reason)));
    }

    /** The texts drawn in the problem table's cells: names and outcomes (cell texts), reasons (wrapped texts). */
    private List<String> renderedProblemTexts() {
        return view.uploadProblems().lookupAll("*").stream().filter(n -> n instanceof javafx.scene.text.Text && PanelHarness.shown(n))
                .map(n -> ((javafx.scene.text.Text) n).getText()).filter(t -> t != null && !t.isEmpty()).toList();
    }

    @Test
    void aNameClashAsksAndKeepBothKeepsBoth() throws Exception {
        String folder = HdfsTesting.freshFolder("ask");
        Path photo = Files.write(scratch.resolve("same.jpg"), TestImages.jpeg(50, 40));
        HdfsTesting.put(folder, scratch, "same.jpg", TestImages.jpeg(30, 30));
        robot.interact(() -> viewModel.folder().open(folder));
        waitFor(() -> view.table().getItems().size() == 1);

        robot.interact(() -> view.dropFiles(List.of(photo.toFile())));
        waitFor(() -> robot.lookup("Keep both").tryQuery().isPresent());
        assertNotNull(visibleLabelStarting("In HDFS: " + folder + "/same.jpg"), "the dialog names the file in HDFS");
        robot.clickOn("Keep both");

        waitFor(() -> view.table().getItems().stream().anyMatch(e -> e.name().equals("same (1).jpg")));
        assertEquals(2, view.table().getItems().size());
    }

    @Test
    void aRevealedFileIsSelectedInTheTableAndShownInThePreview() throws Exception {
        String folder = HdfsTesting.freshFolder("revealview");
        EmptyFiles.create(HdfsTesting.connection(), folder, 2_500, "f", "txt", 8);
        HdfsTesting.put(folder, scratch, "z.jpg", TestImages.jpeg(80, 60));

        robot.interact(() -> viewModel.reveal(folder + "/z.jpg"));

        waitFor(() -> view.table().getSelectionModel().getSelectedItem() != null);
        assertEquals(folder + "/z.jpg", view.table().getSelectionModel().getSelectedItem().path());
        assertEquals(1, view.table().getSelectionModel().getSelectedItems().size());
        waitFor(() -> visibleLabel("80×60") != null);
        waitFor(() -> visibleLabel("z.jpg") != null);
    }

    @Test
    void theTreeListsAFolderAgainAfterNewFolderRenameMoveTrashAndRestoreKeepingWhatIsExpanded() throws Exception {
        String folder = HdfsTesting.freshFolder("tree");
        HdfsTesting.backend().files().mkdir(folder + "/a/inner");
        HdfsTesting.backend().files().mkdir(folder + "/b");
        robot.interact(() -> viewModel.folder().open(folder));
        waitFor(() -> view.table().getItems().size() == 2);
        expandTo(folder + "/a");
        waitFor(() -> List.of("inner").equals(treeChildren(folder + "/a")));
        TreeItem<String> a = fx(() -> treeItem(folder + "/a"));

        robot.interact(() -> viewModel.ops().newFolder("c"));
        waitFor(() -> List.of("a", "b", "c").equals(treeChildren(folder)));

        HdfsEntry b = fx(() -> FolderViewModelIT.only(viewModel.folder(), "b"));
        robot.interact(() -> viewModel.ops().rename(b, "b2"));
        waitFor(() -> List.of("a", "b2", "c").equals(treeChildren(folder)));

        robot.interact(() -> viewModel.ops().move(List.of(folder + "/c"), folder + "/a"));
        waitFor(() -> List.of("a", "b2").equals(treeChildren(folder)));
        waitFor(() -> List.of("c", "inner").equals(treeChildren(folder + "/a")));

        HdfsEntry b2 = fx(() -> FolderViewModelIT.only(viewModel.folder(), "b2"));
        robot.interact(() -> viewModel.ops().trash(List.of(b2)));
        waitFor(() -> List.of("a").equals(treeChildren(folder)));
        robot.interact(() -> viewModel.ops().undo());
        waitFor(() -> List.of("a", "b2").equals(treeChildren(folder)));

        assertTrue(fx(() -> treeItem(folder + "/a") == a && a.isExpanded()), "the expanded row is the same row, still expanded");
    }

    @Test
    void atTheDefaultWindowSizeNoColumnIsCutShortAndHeadersSortThroughTheViewModel() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), fx(this::truncatedTexts), "headers of the table before anything is listed (bold, wider than the default font)");
        String folder = HdfsTesting.freshFolder("columns");
        HdfsTesting.backend().files().mkdir(folder + "/a folder");
        HdfsTesting.put(folder, scratch, "small.jpg", TestImages.jpeg(16, 16), "a long name for a photo.jpg", TestImages.noisyJpeg(900, 700, 3),
                "middle.png", TestImages.png(200, 150));
        robot.interact(() -> viewModel.folder().open(folder));
        waitFor(() -> view.table().getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> cut = fx(this::truncatedTexts);
        assertEquals(List.of(), cut, fx(() -> "texts shown with an ellipsis; columns " + view.table().getWidth() + " "
                + view.table().getColumns().stream().map(c -> c.getText() + "=" + c.getWidth()).toList()));
        double nameWidth = fx(() -> view.table().getColumns().getFirst().getWidth());
        double widestOther = fx(() -> view.table().getColumns().stream().skip(1).filter(TableColumn::isVisible).mapToDouble(TableColumn::getWidth).max().orElseThrow());
        double allColumns = fx(() -> view.table().getColumns().stream().filter(TableColumn::isVisible).mapToDouble(TableColumn::getWidth).sum());
        double tableWidth = fx(() -> view.table().getWidth());
        assertTrue(nameWidth > 220 && nameWidth > widestOther, "the name column takes the spare width: " + nameWidth + " beside " + widestOther);
        assertTrue(allColumns <= tableWidth && allColumns > tableWidth - 40, "the columns fill the table without a horizontal scroll bar: " + allColumns + " in " + tableWidth);
        robot.interact(() -> view.table().getColumns().getFirst().setPrefWidth(60));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(this::truncatedTexts).contains("a long name for a photo.jpg"), "the check sees an ellipsis when there is one");

        robot.clickOn(robot.lookup(".column-header .label").lookup((Label l) -> "Size".equals(l.getText())).queryAs(Label.class));
        waitFor(() -> List.of("a folder", "small.jpg", "middle.png", "a long name for a photo.jpg").equals(FolderViewModelIT.names(viewModel.folder())));
        robot.clickOn(robot.lookup(".column-header .label").lookup((Label l) -> "Size".equals(l.getText())).queryAs(Label.class));
        waitFor(() -> List.of("a folder", "a long name for a photo.jpg", "middle.png", "small.jpg").equals(FolderViewModelIT.names(viewModel.folder())));
    }

    @Test
    void theTrashWindowListsATrashedFileAndRestoresIt() throws Exception {
        String folder = HdfsTesting.freshFolder("trashview");
        HdfsTesting.put(folder, scratch, "back again.jpg", TestImages.jpeg(24, 24));
        HdfsTesting.backend().files().moveToTrash(folder + "/back again.jpg");
        robot.interact(() -> viewModel.folder().open(folder));
        waitFor(() -> viewModel.folder().status().get().startsWith("0 entries in "));

        TrashView trash = fx(view::trashView);
        robot.interact(() -> trash.show(stage));
        waitFor(() -> trash.table().getItems().stream().anyMatch(i -> i.originalPath().equals(folder + "/back again.jpg")));
        robot.interact(() -> trash.table().getSelectionModel().select(
                trash.table().getItems().stream().filter(i -> i.originalPath().equals(folder + "/back again.jpg")).findFirst().orElseThrow()));
        assertTrue(fx(() -> trash.table().lookupAll(".table-cell").stream()
                .anyMatch(c -> c instanceof javafx.scene.control.Labeled l && (folder + "/back again.jpg").equals(l.getText()))), "the original path is shown");
        robot.clickOn("Restore");

        waitFor(() -> view.table().getItems().stream().anyMatch(e -> e.name().equals("back again.jpg")));
        waitFor(() -> visibleLabelStarting("Restored 1 item") != null);
        robot.interact(() -> ((javafx.stage.Stage) trash.root().getScene().getWindow()).close());
    }

    /** Labeled nodes in the table whose rendered text differs from their text (the skin put an ellipsis in). */
    private List<String> truncatedTexts() {
        return PanelHarness.truncatedTexts(view.table());
    }

    /** Expands the tree row by row down to the path, each row once its parent has listed it. */
    private void expandTo(String path) throws Exception {
        for (String step : HdfsPaths.steps(path)) {
            waitFor(() -> treeItem(step) != null);
            robot.interact(() -> treeItem(step).setExpanded(true));
        }
    }

    private List<String> treeChildren(String path) {
        TreeItem<String> item = treeItem(path);
        return item == null ? null : item.getChildren().stream().map(c -> c.getValue() == null ? "…" : HdfsPaths.name(c.getValue())).toList();
    }

    @Test
    void aReadOnlyProfileDisablesEveryWriteWithItsReason() throws Exception {
        String reason = "profile '" + SharedCluster.target().profileName() + "' is read-only: no changes can be made through it";
        robot.interact(() -> panel.active.use(SharedCluster.target().withReadOnly(true)));
        waitFor(() -> visibleLabelStarting("Profile " + SharedCluster.target().profileName()) != null
                && visibleLabelStarting("Profile " + SharedCluster.target().profileName()).getText().endsWith("read-only: nothing can be changed"));
        for (String text : List.of("New folder", "Upload files…", "Upload folder…")) {
            javafx.scene.control.Button button = fx(() -> robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Button b
                    && text.equals(b.getText())).queryButton());
            assertTrue(button.isDisabled(), text + " is disabled");
            assertEquals(reason, fx(() -> button.getTooltip().getText()), text + " says why");
        }
        List<String> menu = fx(() -> view.table().getContextMenu().getItems().stream()
                .filter(item -> item.getText() != null && item.isDisable()).map(javafx.scene.control.MenuItem::getText).toList());
        assertEquals(List.of("New folder…", "Rename…", "Set replication…", "Move to trash", "Delete permanently…"), menu,
                "every write of the menu is disabled; Open and Download are not");

        robot.interact(() -> panel.active.use(SharedCluster.target()));
        waitFor(() -> !robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Button b && "New folder".equals(b.getText()))
                .queryButton().isDisabled());
    }

    private TreeItem<String> treeItem(String path) {
        TreeItem<String> at = view.folderTree().getRoot();
        while (at != null && !path.equals(at.getValue())) {
            TreeItem<String> from = at;
            at = from.getChildren().stream().filter(c -> c.getValue() != null
                    && (path.equals(c.getValue()) || path.startsWith(c.getValue().equals("/") ? "/" : c.getValue() + "/"))).findFirst().orElse(null);
        }
        return at;
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return PanelHarness.fx(read);
    }

    private String failedCellTooltip() {
        return robot.lookup(".thumbnail-failed").queryAll().stream().findFirst()
                .map(cell -> ((javafx.scene.control.Labeled) ((org.controlsfx.control.GridCell<?>) cell).getGraphic()).getTooltip())
                .map(javafx.scene.control.Tooltip::getText).orElse(null);
    }

    private long thumbnailsShown() {
        return robot.lookup(".thumbnail-cell .image-view").queryAllAs(ImageView.class).stream()
                .filter(i -> i.getImage() != null && i.isVisible()).count();
    }

    private Label visibleLabel(String text) {
        return panel.visibleLabel(text);
    }

    private Label visibleLabelStarting(String text) {
        return panel.visibleLabelStarting(text);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        PanelHarness.waitFor(condition);
    }
}
