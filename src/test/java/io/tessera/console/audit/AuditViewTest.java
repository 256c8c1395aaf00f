package io.tessera.console.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.FxUiThread;
import io.tessera.console.common.Stylesheets;
import io.tessera.console.theme.Theme;
import io.tessera.engine.audit.AuditActions;
import io.tessera.engine.audit.AuditResult;
import io.tessera.engine.audit.AuditTesting;
import io.tessera.engine.audit.Audited;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import io.tessera.testing.FxTest;

/** The Audit panel headless, on a trail of its own in the shared cluster: live tail, filters, verify, and nothing cut at the window sizes. */
@FxTest
class AuditViewTest {
    /** The panel's area in the main window at its default size (1500×940) and at 1280×800. */
    private static final double[][] PANEL_SIZES = {{1408, 865}, {1188, 725}};

    private final FxRobot robot = new FxRobot();
    private final AuditTesting audit = new AuditTesting();
    private final Audited audited = new Audited(audit.trail("console"));
    private BackgroundTasks tasks;
    private AuditViewModel viewModel;

    @BeforeEach
    void start() throws Exception {
        audited.run(AuditActions.FILE_TRASH, List.of("/tessera/set-1/a.jpg"), Map.of(), () -> { });
        audited.run(AuditActions.JOB_CANCEL, List.of("thumbs-20261206-0452-270d"), Map.of(), () -> { });
        try {
            audited.run(AuditActions.ZNODE_DELETE, List.of("/tessera/jobs"), Map.of(), () -> {
                throw new IllegalStateException("Permission denied: user=viewer, access=WRITE");
            });
        } catch (IllegalStateException expected) {
            // the action failed; its record says so
        }
        FxToolkit.registerPrimaryStage();
        FxUiThread ui = new FxUiThread();
        tasks = BackgroundTasks.daemonThreads(ui);
        viewModel = new AuditViewModel(new SimpleObjectProperty<>("shared"), () -> audit.log, tasks, ui, Clock.systemUTC(), ZoneOffset.UTC);
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
            Scene scene = new Scene(new AuditView(viewModel).root(), 1200, 760);
            scene.getStylesheets().add(Stylesheets.APP);
            stage.setScene(scene);
            stage.sizeToScene();
            stage.show();
        });
        robot.interact(() -> viewModel.setShown(true));
        waitFor(() -> table().getItems().size() == 3);
    }

    @AfterEach
    void stop() throws Exception {
        robot.interact(() -> viewModel.setShown(false)); // its pulse goes on with the toolkit: no tail after the executor is gone
        FxToolkit.cleanupStages();
        tasks.shutdown();
        audit.close();
    }

    @Test
    void recordsShowNewestFirstAndNewActionsAppearLive() throws Exception {
        assertEquals(List.of("znode.delete", "job.cancel", "file.trash"), column(AuditRow::action));
        AuditRow denied = WaitForAsyncUtils.asyncFx(() -> table().getItems().getFirst()).get();
        assertEquals("denied", denied.result());
        assertEquals("Permission denied: user=viewer, access=WRITE", denied.reason());
        assertEquals("console@test-host", denied.origin());
        assertTrue(denied.identities().endsWith(" · anonymous · default"), denied.identities());

        audited.run(AuditActions.JOB_RESUME, List.of("thumbs-9"), Map.of(), () -> { });
        waitFor(() -> table().getItems().size() == 4 && table().getItems().getFirst().action().equals("job.resume"));
    }

    @Test
    void filtersNarrowTheTableAndLiveRecordsAreFilteredToo() throws Exception {
        robot.interact(() -> combo("#audit-action-filter").setValue("job"));
        waitFor(() -> column(AuditRow::action).equals(List.of("job.cancel")));

        audited.run(AuditActions.FILE_RENAME, List.of("/tessera/b.jpg"), Map.of("to", "/tessera/c.jpg"), () -> { });
        audited.run(AuditActions.JOB_PAUSE, List.of("thumbs-9"), Map.of(), () -> { });
        waitFor(() -> column(AuditRow::action).equals(List.of("job.pause", "job.cancel")));

        robot.interact(() -> combo("#audit-action-filter").setValue(""));
        robot.interact(() -> combo("#audit-result-filter").setValue(AuditResult.DENIED));
        waitFor(() -> column(AuditRow::action).equals(List.of("znode.delete")));

        robot.interact(() -> combo("#audit-result-filter").setValue(null));
        robot.clickOn("#audit-target-filter").write("SET-1");
        waitFor(() -> column(AuditRow::targets).equals(List.of("/tessera/set-1/a.jpg")));

        robot.interact(() -> viewModel.target().set(""));
        robot.interact(() -> combo("#audit-since-filter").setValue("not a time"));
        waitFor(() -> label("#audit-problem").getText().startsWith("a since is an age"));
        robot.interact(() -> combo("#audit-since-filter").setValue("1h"));
        waitFor(() -> table().getItems().size() == 5 && label("#audit-problem").getText().isEmpty());
    }

    @Test
    void verifyShowsTheChainIntactThenNamesTheRecordThatWasChanged() throws Exception {
        robot.clickOn("#audit-verify");
        waitFor(() -> label("#audit-verify-outcome").getText().startsWith("Chain intact: 3 records, #1 to #3 · head 3:"));
        assertTrue(WaitForAsyncUtils.asyncFx(() -> label("#audit-verify-outcome").getStyleClass().contains("audit-intact")).get());
        assertTrue(WaitForAsyncUtils.asyncFx(() -> label("#audit-verify-outcome").getTooltip().getText()).get().matches("intact: 3 records, .*; head 3:[0-9a-f]{64}"),
                "the tooltip has the whole head, as `tessera audit verify --expect` takes it");

        LinkedHashMap<String, String> entries = audit.streamEntries();
        String second = new ArrayList<>(entries.keySet()).get(1);
        entries.put(second, entries.get(second).replace("thumbs-20261206", "thumbs-20261207"));
        audit.rewriteStream(entries);
        robot.clickOn("#audit-verify");
        waitFor(() -> label("#audit-verify-outcome").getText().startsWith("Chain broken (changed) at record 2 (stream entry " + second + "): record 2 was changed"));
        assertTrue(WaitForAsyncUtils.asyncFx(() -> label("#audit-verify-outcome").getStyleClass().contains("audit-broken")).get());
    }

    @Test
    void nothingIsCutAtTheDefaultWindowAndAt1280x800() throws Exception {
        robot.clickOn("#audit-verify");
        waitFor(() -> label("#audit-verify-outcome").getText().startsWith("Chain intact"));
        for (double[] size : PANEL_SIZES) {
            robot.interact(() -> showAlone(table().getScene().getRoot(), size));
            WaitForAsyncUtils.waitForFxEvents();
            String at = " at " + size[0] + "×" + size[1];
            waitFor(() -> table().lookupAll(".table-cell").stream().filter(n -> n instanceof TableCell<?, ?> c && c.getText() != null).count() >= 3 * 8);
            for (String column : List.of("Time", "User", "HDFS · ZK · Redis", "Action", "Result", "Origin")) {
                assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> cut(column)).get(), column + " cut" + at);
            }
            assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> table().lookupAll(".column-header .label").stream().map(Labeled.class::cast)
                    .filter(Labeled::isTextTruncated).map(Labeled::getText).toList()).get(), "headers cut" + at);
            assertEquals(List.of(), WaitForAsyncUtils.asyncFx(() -> robot.lookup(".audit-toolbar .button, .panel-header .button, .panel-header .label")
                    .queryAll().stream().map(Labeled.class::cast).filter(Labeled::isTextTruncated).map(Labeled::getText).toList()).get(),
                    "buttons, title, subtitle or outcome cut" + at);
        }
    }

    /** Moves the panel into a new window of this size (closed by the test's clean-up). */
    private static void showAlone(Parent root, double[] size) {
        Stage stage = new Stage();
        Scene scene = new Scene(new Pane(), size[0], size[1]);
        scene.getStylesheets().add(Stylesheets.APP);
        root.getScene().setRoot(new Pane());
        scene.setRoot(root);
        stage.setScene(scene);
        stage.show();
    }

    /** Texts of a column's cells drawn shortened. */
    private List<String> cut(String column) {
        return table().lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null && column.equals(c.getTableColumn().getText()))
                .map(Labeled.class::cast).filter(l -> l.getText() != null && l.isTextTruncated()).map(Labeled::getText).toList();
    }

    @SuppressWarnings("unchecked")
    private TableView<AuditRow> table() {
        return robot.lookup("#audit-table").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> combo(String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    private Label label(String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

    private List<String> column(java.util.function.Function<AuditRow, String> value) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> table().getItems().stream().map(value).toList()).get();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
