package io.tessera.console.hdfs;

import io.tessera.engine.services.ClusterServices;
import io.tessera.engine.audit.AuditTrail;
import static io.tessera.console.hdfs.PanelHarness.fx;
import static io.tessera.console.hdfs.PanelHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.thumbs.ThumbnailCache;
import io.tessera.engine.thumbs.ThumbnailService;
import io.tessera.engine.thumbs.ThumbnailSettings;
import io.tessera.engine.thumbs.ThumbnailSource;
import io.tessera.testing.TestImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.tessera.testing.FxTest;

/**
 * The grid's cards against the shared cluster at the main window's default size, with one thumbnail worker whose reads
 * of HDFS wait at a gate the test opens: what a card shows while it waits, and which photos are read in which order.
 */
@FxTest
class ThumbnailGridTest {
    @TempDir Path scratch;
    private final Gate gate = new Gate();
    private ThumbnailService thumbnails;
    private PanelHarness panel;

    @BeforeEach
    void start() throws Exception {
        thumbnails = new ThumbnailService(gate.over(ThumbnailService.storeSource(HdfsTesting.backend().browser())), ThumbnailCache.NONE,
                ThumbnailSettings.DEFAULT.withWorkers(1));
        HdfsBackend backend = new HdfsBackend(new ClusterServices(HdfsTesting.connection(), AuditTrail.NONE), scratch.resolve("upload-journals"), thumbnails);
        panel = new PanelHarness(scratch, PanelHarness.DEFAULT_WINDOW[0], PanelHarness.DEFAULT_WINDOW[1], () -> backend);
        panel.robot.interact(() -> panel.view.showGrid(true));
    }

    @AfterEach
    void stop() throws Exception {
        gate.open();
        panel.stop();
        thumbnails.close();
    }

    @Test
    void aCardShowsThatItIsLoadingUntilItsThumbnailArrivesAndAnUndecodableImageGetsAWarningCard() throws Exception {
        // opened in the table first: the hidden grid asks for nothing, and its cards ask once it shows
        String folder = HdfsTesting.freshFolder("cards");
        HdfsTesting.put(folder, scratch, "a.jpg", TestImages.noisyJpeg(320, 240, 1), "b.jpg", TestImages.jpeg(300, 200), "c.png", TestImages.png(120, 90));
        HdfsTesting.write(folder + "/broken.jpg", TestImages.truncatedJpeg());
        HdfsTesting.backend().files().mkdir(folder + "/sub");
        panel.robot.interact(() -> panel.view.showGrid(false));

        panel.robot.interact(() -> panel.viewModel.folder().open(folder));
        waitFor(() -> panel.view.table().getItems().size() == 5);
        Thread.sleep(500); // a few pulses and layouts of the hidden grid
        assertEquals(0, thumbnails.pending() + gate.reads.size(), "the table shows: no thumbnail is asked for");
        panel.robot.interact(() -> panel.view.showGrid(true));

        waitFor(() -> cards("loading").size() == 4);
        assertEquals(List.of("a.jpg", "b.jpg", "broken.jpg", "c.png"), fx(() -> List.copyOf(cards("loading").values())), "every image card waits, named");
        assertTrue(fx(() -> cardTexts("broken.jpg").contains("Loading…")));
        assertEquals(List.of("sub"), fx(() -> List.copyOf(cards("folder").values())), "a folder needs no thumbnail");

        gate.open();

        waitFor(() -> cards("shown").size() == 3 && cards("failed").size() == 1);
        assertEquals(List.of("broken.jpg"), fx(() -> List.copyOf(cards("failed").values())));
        assertTrue(fx(() -> cardTexts("broken.jpg")).contains("truncated JPEG"), "the card says why: " + fx(() -> cardTexts("broken.jpg")));
        assertTrue(fx(() -> tooltipOf("broken.jpg")).contains("truncated JPEG: no end-of-image marker"), "the whole reason is the tooltip");
        assertTrue(fx(() -> cards("loading").isEmpty()));
    }

    /**
     * The first screen of 200 photos is read in screen order, before the cards the grid keeps off screen; scrolled to
     * the bottom, the cards now on screen are read next, in screen order, before anything else: none of the photos
     * scrolled past, nor the rest of the cards kept above.
     */
    @Test
    void theCardsOnScreenAreReadFirstInScreenOrderAndAScrollToTheBottomIsFilledNext() throws Exception {
        String folder = HdfsTesting.freshFolder("screen");
        HdfsTesting.putCopies(folder, 200, "img", "jpg", TestImages.jpeg(64, 48));

        panel.robot.interact(() -> panel.viewModel.folder().open(folder));
        waitFor(() -> onScreen().size() >= 10 && thumbnails.pending() >= onScreen().size() - 1);
        List<Integer> top = fx(this::onScreen);
        gate.open();
        waitFor(() -> cards("shown").keySet().containsAll(top));
        List<Integer> firstReads = indexes(gate.reads.subList(0, top.size()));
        assertEquals(top, firstReads.stream().sorted().toList(), "the first photos read are those on screen: " + firstReads);
        assertEquals(firstReads.subList(1, top.size()).stream().sorted().toList(), firstReads.subList(1, top.size()),
                "in screen order, after the one taken up before the others were asked for");

        gate.close();
        int readBefore = gate.reads.size();
        panel.robot.interact(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) panel.view.grid().lookup(".virtual-flow");
            flow.scrollTo(flow.getCellCount() - 1);
        });
        waitFor(() -> onScreen().contains(199) && thumbnails.pending() >= onScreen().size() - 1);
        List<Integer> bottom = fx(this::onScreen);
        gate.open();
        waitFor(() -> cards("shown").keySet().containsAll(bottom));

        List<Integer> next = indexes(gate.reads.subList(readBefore, gate.reads.size()));
        int inFlight = next.getFirst() < bottom.getFirst() ? 1 : 0; // a card above, taken up before the scroll
        List<Integer> bottomReads = next.subList(inFlight, inFlight + bottom.size());
        assertEquals(bottom, bottomReads.stream().sorted().toList(), "after the scroll the cards on screen are read next: " + next);
        assertEquals(bottomReads.subList(1, bottomReads.size()).stream().sorted().toList(), bottomReads.subList(1, bottomReads.size()), "in screen order");
    }

    /** Card index → file name, of the cards in a state: loading, shown, failed, folder, file. On the FX thread. */
    private Map<Integer, String> cards(String state) {
        Map<Integer, String> found = new TreeMap<>();
        for (Node node : panel.view.grid().lookupAll(".thumbnail-cell")) {
            ThumbnailCell cell = (ThumbnailCell) node;
            if (cell.getItem() != null && PanelHarness.shown(cell) && stateOf(cell).equals(state)) {
                found.put(cell.getIndex(), cell.getItem().name());
            }
        }
        return found;
    }

    private static String stateOf(ThumbnailCell cell) {
        if (visible(cell, ".thumbnail-loading")) {
            return "loading";
        }
        if (visible(cell, ".thumbnail-problem")) {
            return "failed";
        }
        if (cell.lookupAll(".image-view").stream().anyMatch(n -> n.isVisible() && ((ImageView) n).getImage() != null)) {
            return "shown";
        }
        return cell.getItem().directory() ? "folder" : "file";
    }

    private static boolean visible(Node under, String selector) {
        return under.lookupAll(selector).stream().anyMatch(PanelHarness::shown);
    }

    /** The texts a card shows (its name, and what its frame says). On the FX thread. */
    private List<String> cardTexts(String name) {
        return cellOf(name).lookupAll(".label").stream().filter(PanelHarness::shown).map(n -> ((Label) n).getText()).toList();
    }

    private String tooltipOf(String name) {
        Label label = (Label) cellOf(name).getGraphic();
        return label.getTooltip() == null ? "" : label.getTooltip().getText();
    }

    private ThumbnailCell cellOf(String name) {
        return panel.view.grid().lookupAll(".thumbnail-cell").stream().map(ThumbnailCell.class::cast)
                .filter(c -> c.getItem() != null && c.getItem().name().equals(name) && PanelHarness.shown(c)).findFirst().orElseThrow();
    }

    /** Indexes of the cards whose bounds meet the grid's, in order (computed here, not by the view's own viewport code). On the FX thread. */
    private List<Integer> onScreen() {
        Bounds grid = panel.view.grid().localToScene(panel.view.grid().getLayoutBounds());
        List<Integer> indexes = new ArrayList<>();
        for (Node node : panel.view.grid().lookupAll(".thumbnail-cell")) {
            ThumbnailCell cell = (ThumbnailCell) node;
            if (cell.getItem() != null && PanelHarness.shown(cell) && cell.localToScene(cell.getLayoutBounds()).intersects(grid)) {
                indexes.add(cell.getIndex());
            }
        }
        return indexes.stream().sorted().toList();
    }

    /** img-017.jpg → 17 */
    private static List<Integer> indexes(List<String> paths) {
        return paths.stream().map(p -> Integer.parseInt(p.substring(p.lastIndexOf('-') + 1, p.lastIndexOf('.')))).toList();
    }

    /** Reads wait while the gate is closed; every read is recorded in the order it began. */
    private static final class Gate {
        final List<String> reads = new CopyOnWriteArrayList<>();
        private volatile CountDownLatch open = new CountDownLatch(1);

        ThumbnailSource over(ThumbnailSource source) {
            return (path, max) -> {
                reads.add(path);
                if (!open.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the gate stayed closed");
                }
                return source.read(path, max);
            };
        }

        void open() {
            open.countDown();
        }

        void close() {
            open = new CountDownLatch(1);
        }
    }
}
