package io.tessera.console.hdfs;

import static io.tessera.console.hdfs.PanelHarness.fx;
import static io.tessera.console.hdfs.PanelHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.tessera.testing.FxTest;

/**
 * Nothing the operator needs is cut off, at the main window's default size and at 1280×800: the preview, a long
 * path in the toolbar, and the list of files an upload did not store.
 */
@FxTest
class HdfsLayoutTest {
    private static final List<double[]> SIZES = List.of(PanelHarness.DEFAULT_WINDOW, PanelHarness.SMALL_WINDOW);
    private static final String DEEP = "/Images of the summer holiday 2026/Day 3 - Lake Geneva at sunrise/raw exports from the camera/selected for print";

    @TempDir Path scratch;
    private PanelHarness panel;

    @BeforeEach
    void start() throws Exception {
        panel = new PanelHarness(scratch, PanelHarness.DEFAULT_WINDOW[0], PanelHarness.DEFAULT_WINDOW[1], null);
    }

    @AfterEach
    void stop() throws Exception {
        panel.stop();
    }

    @Test
    void thePreviewFitsItsPaneWithALandscapePhotoAndALongPath() throws Exception {
        String folder = HdfsTesting.freshFolder("preview") + DEEP;
        HdfsTesting.backend().files().mkdir(folder);
        String name = "a landscape photograph of the lake at sunrise, exported for print.jpg";
        HdfsTesting.put(folder, scratch, name, TestImages.jpegWithExif(1200, 800, "Nikon", "Nikon Z6", 1, "2023:01:02 03:04:05"));

        panel.robot.interact(() -> panel.viewModel.reveal(folder + "/" + name));

        for (double[] size : SIZES) {
            panel.resize(size);
            waitFor(() -> picture().getImage() != null && panel.visibleLabel("Nikon Z6") != null);
            assertEquals(List.of(), fx(() -> outside(preview(), viewportOf(preview()))), "nodes reaching past the preview at " + text(size));
            assertEquals(List.of(), fx(() -> PanelHarness.truncatedTexts(preview())), "texts cut short in the preview at " + text(size));
            double pictureWidth = fx(() -> picture().getBoundsInParent().getWidth());
            double paneWidth = fx(() -> viewportOf(preview()).getWidth());
            assertTrue(pictureWidth > paneWidth * 0.7 && pictureWidth <= paneWidth, "the picture scales to the pane: " + pictureWidth + " in " + paneWidth);
        }
    }

    @Test
    void theDetailTableFitsWithoutAHorizontalScrollBarTheLeastNeededColumnsGivingWay() throws Exception {
        String folder = HdfsTesting.freshFolder("table");
        HdfsTesting.backend().files().mkdir(folder + "/a folder");
        HdfsTesting.put(folder, scratch, "small.jpg", TestImages.jpeg(16, 16), "a long name for a photo.jpg", TestImages.noisyJpeg(900, 700, 3));
        panel.robot.interact(() -> panel.viewModel.folder().open(folder));
        waitFor(() -> panel.view.table().getItems().size() == 3);

        List<List<String>> shown = new ArrayList<>();
        for (double[] size : List.of(PanelHarness.DEFAULT_WINDOW, PanelHarness.SMALL_WINDOW, PanelHarness.DEFAULT_WINDOW)) {
            panel.resize(size);
            TableView<?> table = panel.view.table();
            waitFor(() -> visibleColumnsWidth(table) <= table.getWidth());
            assertEquals(List.of(), fx(() -> PanelHarness.truncatedTexts(table)), "texts cut short in the table at " + text(size));
            assertTrue(fx(() -> table.getColumns().getFirst().getWidth()) >= 200, "the name keeps its room at " + text(size));
            shown.add(fx(() -> table.getColumns().stream().filter(TableColumn::isVisible).map(TableColumn::getText).toList()));
        }
        assertTrue(shown.get(1).containsAll(List.of("Name", "Size", "Modified", "Permission")) && shown.get(0).containsAll(shown.get(1))
                && shown.get(0).size() > shown.get(1).size(), "columns at the default size, then at 1280×800: " + shown);
        assertTrue(shown.get(2).containsAll(shown.get(1)) && shown.get(2).size() > shown.get(1).size(), "they come back as the window widens: " + shown);
    }

    @Test
    void theGridsCardsSpreadOverItsWidthAndNoneIsCut() throws Exception {
        String folder = HdfsTesting.freshFolder("cards");
        HdfsTesting.putCopies(folder, 12, "card", "jpg", TestImages.jpeg(64, 48));
        panel.robot.interact(() -> panel.view.showGrid(true));
        panel.robot.interact(() -> panel.viewModel.folder().open(folder));
        waitFor(() -> panel.view.grid().lookupAll(".thumbnail-cell").stream().anyMatch(c -> ((ThumbnailCell) c).getIndex() == 11));

        for (double[] size : SIZES) {
            panel.resize(size);
            waitFor(() -> firstRowGaps().size() >= 3);
            List<Double> gaps = fx(this::firstRowGaps);
            double leftGap = gaps.getFirst();
            double rightGap = gaps.getLast();
            assertTrue(rightGap >= 0, "the last card of a row is cut at " + text(size) + ": " + gaps);
            assertTrue(Math.abs(rightGap - leftGap) < 40, "the cards spread over the width at " + text(size) + " (room left, between and right): " + gaps);
        }
    }

    /** The room left of the first row's first card, between its cards, and right of its last (less a scroll bar). On the FX thread. */
    private List<Double> firstRowGaps() {
        Bounds grid = panel.view.grid().localToScene(panel.view.grid().getLayoutBounds());
        List<Bounds> row = panel.view.grid().lookupAll(".thumbnail-cell").stream().map(ThumbnailCell.class::cast)
                .filter(c -> PanelHarness.shown(c) && c.getItem() != null).map(c -> c.localToScene(c.getLayoutBounds()))
                .filter(b -> Math.abs(b.getMinY() - grid.getMinY()) < 40).sorted(java.util.Comparator.comparingDouble(Bounds::getMinX)).toList();
        List<Double> gaps = new ArrayList<>();
        if (row.isEmpty()) {
            return gaps;
        }
        gaps.add(row.getFirst().getMinX() - grid.getMinX());
        for (int i = 1; i < row.size(); i++) {
            gaps.add(row.get(i).getMinX() - row.get(i - 1).getMaxX());
        }
        gaps.add(grid.getMaxX() - 18 - row.getLast().getMaxX());
        return gaps;
    }

    private static double visibleColumnsWidth(TableView<?> table) {
        return table.getColumns().stream().filter(TableColumn::isVisible).mapToDouble(TableColumn::getWidth).sum();
    }

    @Test
    void aLongPathFoldsItsMiddleFoldersAndTheToolbarKeepsItsLabels() throws Exception {
        String top = HdfsTesting.freshFolder("crumbs");
        String folder = top + DEEP;
        HdfsTesting.backend().files().mkdir(folder);
        panel.robot.interact(() -> panel.viewModel.folder().open(folder));
        waitFor(() -> folder.equals(panel.viewModel.folder().path().get()));

        for (double[] size : SIZES) {
            panel.resize(size);
            Parent toolbar = fx(() -> (Parent) panel.view.root().lookup(".hdfs-toolbar"));
            Parent header = fx(() -> (Parent) panel.view.root().lookup(".panel-header"));
            assertEquals(List.of(), fx(() -> PanelHarness.truncatedTexts(toolbar)), "toolbar texts cut short at " + text(size));
            assertEquals(List.of(), fx(() -> PanelHarness.truncatedTexts(header)), "header texts cut short at " + text(size));
            List<String> folded = fx(() -> panel.view.crumbs().foldedPaths());
            assertFalse(folded.isEmpty(), "the middle folders fold at " + text(size));
            assertTrue(fx(() -> shownCrumbs().getLast()).equals("selected for print") && fx(() -> shownCrumbs().getFirst()).equals("/"),
                    "the root and the open folder stay: " + fx(this::shownCrumbs));
            assertTrue(fx(() -> inside(toolbar, panel.view.crumbs())), "the crumbs stay within the toolbar");
        }
        String firstFolded = fx(() -> panel.view.crumbs().foldedPaths().getFirst());
        panel.robot.interact(() -> panel.view.crumbs().foldedMenu().getItems().getFirst().fire());
        waitFor(() -> firstFolded.equals(panel.viewModel.folder().path().get()));
        assertEquals(List.of(), fx(() -> panel.view.crumbs().foldedPaths()), "a shorter path shows whole");
    }

    /** 56 hostile files through the panel's upload (a drop): the list shows many rows, each reason whole, at both sizes. */
    @Test
    void theUploadProblemListShowsManyWholeReasonsAtBothSizes() throws Exception {
        String target = HdfsTesting.freshFolder("problems");
        Path hostile = hostileFolder(scratch.resolve("hostile"));
        panel.robot.interact(() -> panel.viewModel.folder().open(target));
        waitFor(() -> target.equals(panel.viewModel.folder().path().get()));

        panel.robot.interact(() -> panel.view.dropFiles(List.of(hostile.toFile())));
        waitFor(() -> panel.visibleLabelStarting("Done: 4 uploaded") != null);
        assertEquals(56, fx(() -> panel.viewModel.upload().problems().size()));

        for (double[] size : SIZES) {
            panel.resize(size);
            atLeast(7, "rows shown whole at " + text(size));
            panel.robot.interact(() -> expandButton().fire());
            atLeast(12, "rows shown whole, expanded, at " + text(size));
            panel.robot.interact(() -> expandButton().fire());
        }
        panel.robot.interact(() -> copyButton().fire());
        String copied = fx(() -> Clipboard.getSystemClipboard().getString());
        assertEquals(56, copied.lines().count());
        assertTrue(copied.lines().anyMatch(l -> l.startsWith("hostile/cut-03.jpg: refused — truncated JPEG: no end-of-image marker")), copied);
    }

    /** Waits (the divider moves on the next layout) until at least {@code rows} rows are shown whole. */
    private void atLeast(int rows, String what) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int shown;
        while ((shown = fx(this::reasonsShownWhole).size()) < rows && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(shown >= rows, what + ": " + shown);
    }

    /**
     * Reasons of the rows drawn entirely within the table's viewport, each checked to be drawn whole: the full reason,
     * wrapped within its column. On the FX thread.
     */
    private List<String> reasonsShownWhole() {
        TableView<UploadProblem> table = panel.view.uploadProblems();
        Bounds viewport = table.lookup(".clipped-container").localToScene(table.lookup(".clipped-container").getLayoutBounds());
        List<String> whole = new ArrayList<>();
        for (Node node : table.lookupAll(".table-row-cell")) {
            TableRow<?> row = (TableRow<?>) node;
            Bounds rowBounds = row.localToScene(row.getLayoutBounds());
            if (row.getItem() instanceof UploadProblem problem && PanelHarness.shown(row)
                    && rowBounds.getMinY() >= viewport.getMinY() - 0.5 && rowBounds.getMaxY() <= viewport.getMaxY() + 0.5) {
                Text reason = row.lookupAll(".wrapping-cell-text").stream().map(Text.class::cast)
                        .filter(t -> t.getText().equals(problem.reason())).findFirst().orElseThrow(() -> new AssertionError("reason not drawn: " + problem));
                Bounds reasonBounds = reason.localToScene(reason.getLayoutBounds());
                if (reasonBounds.getMaxX() > rowBounds.getMaxX() + 0.5 || reasonBounds.getMaxY() > rowBounds.getMaxY() + 0.5) {
                    throw new AssertionError("reason drawn past its row: " + problem.reason());
                }
                whole.add(problem.reason());
            }
        }
        return whole;
    }

    /** 4 good photos and 56 that are refused: truncated, random bytes, empty, text named .jpg, a bomb, hidden and odd names. */
    private static Path hostileFolder(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (int i = 0; i < 4; i++) {
            Files.write(dir.resolve("good-" + i + ".jpg"), TestImages.jpeg(64, 48));
        }
        for (int i = 0; i < 12; i++) {
            Files.write(dir.resolve(String.format("cut-%02d.jpg", i)), TestImages.truncatedJpeg());
        }
        for (int i = 0; i < 20; i++) {
            Files.write(dir.resolve(String.format("noise-%02d.jpg", i)), TestImages.randomBytes(3000, i));
        }
        for (int i = 0; i < 14; i++) {
            Files.write(dir.resolve("notes-" + i + ".jpg"), ("plain text " + i).getBytes());
        }
        Files.write(dir.resolve("empty.jpg"), new byte[0]);
        Files.write(dir.resolve("empty photo.png"), new byte[0]);
        Files.write(dir.resolve("bomb 60000x60000.png"), TestImages.pngClaiming(60_000, 60_000));
        Files.write(dir.resolve(".hidden.jpg"), TestImages.jpeg(20, 20));
        Files.write(dir.resolve("photo\u202Egpj.exe.jpg"), TestImages.jpeg(20, 20));
        Files.write(dir.resolve("zero\u200Bwidth.jpg"), TestImages.jpeg(20, 20));
        Files.write(dir.resolve("tab\tname.jpg"), TestImages.jpeg(20, 20));
        Files.write(dir.resolve("colon:name.jpg"), TestImages.jpeg(20, 20));
        Files.write(dir.resolve("a very long name that goes on describing the scene in detail ".repeat(3).trim() + ".jpg"), "text".getBytes());
        Files.createDirectories(dir.resolve(".thumbnails"));
        Files.write(dir.resolve(".thumbnails/a.jpg"), TestImages.jpeg(20, 20));
        return dir;
    }

    private Parent preview() {
        return (Parent) panel.view.root().lookup(".hdfs-preview");
    }

    private ImageView picture() {
        return (ImageView) preview().lookup(".hdfs-preview-picture .image-view");
    }

    private static Bounds viewportOf(Parent scrollPane) {
        Node viewport = ((ScrollPane) scrollPane).lookup(".viewport");
        return viewport.localToScene(viewport.getLayoutBounds());
    }

    /** The shown nodes under {@code root} that reach left or right of {@code area}. */
    private static List<String> outside(Parent root, Bounds area) {
        return root.lookupAll("*").stream().filter(n -> n != root && PanelHarness.shown(n) && !(n instanceof ScrollPane)
                        && !n.getStyleClass().contains("viewport") && !n.getStyleClass().contains("scroll-bar") && isLeaf(n))
                .filter(n -> {
                    Bounds b = n.localToScene(n.getLayoutBounds());
                    return b.getWidth() > 0 && (b.getMinX() < area.getMinX() - 0.5 || b.getMaxX() > area.getMaxX() + 0.5);
                })
                .map(n -> n.getClass().getSimpleName() + " " + n.getStyleClass() + " " + n.localToScene(n.getLayoutBounds())).toList();
    }

    /** What the user sees drawn: texts, pictures, glyphs (containers may be larger than what they clip). */
    private static boolean isLeaf(Node node) {
        return node instanceof Text || node instanceof ImageView;
    }

    private static boolean inside(Parent outer, Node inner) {
        Bounds o = outer.localToScene(outer.getLayoutBounds());
        Bounds i = inner.localToScene(inner.getLayoutBounds());
        return i.getMinX() >= o.getMinX() - 0.5 && i.getMaxX() <= o.getMaxX() + 0.5;
    }

    private List<String> shownCrumbs() {
        return panel.view.crumbs().buttons().stream().filter(Node::isVisible).map(Button::getText).toList();
    }

    private ToggleButton expandButton() {
        return (ToggleButton) panel.view.root().lookup("#expandButton");
    }

    private Button copyButton() {
        return (Button) panel.view.root().lookup("#copyButton");
    }

    private static String text(double[] size) {
        return (int) size[0] + "×" + (int) size[1];
    }
}
