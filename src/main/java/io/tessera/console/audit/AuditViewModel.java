package io.tessera.console.audit;

import io.tessera.engine.services.ClusterServices;
import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.Formats;
import io.tessera.console.common.UiThread;
import io.tessera.console.connection.ActiveConnection;
import io.tessera.console.connection.PerConnection;
import io.tessera.engine.audit.AuditActions;
import io.tessera.engine.audit.AuditLog;
import io.tessera.engine.audit.AuditQuery;
import io.tessera.engine.audit.AuditRecord;
import io.tessera.engine.audit.AuditResult;
import io.tessera.engine.audit.AuditVerification;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Audit panel: the newest records of the cluster's trail that match the filters (user, action, target text, result,
 * since), newest first, with new records added live (the stream is read after the listing's cursor every second while
 * the panel shows), and a check of the whole chain in the background with its progress and outcome.
 */
public final class AuditViewModel {
    /** Rows listed and kept: the newest that many that match. */
    static final int SHOWN = 1_000;
    private static final long TAIL_EVERY_NANOS = 1_000_000_000L;

    private final Callable<AuditLog> source;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty action = new SimpleStringProperty("");
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty since = new SimpleStringProperty("");
    private final ObjectProperty<AuditResult> result = new SimpleObjectProperty<>();
    private final ObservableList<AuditRow> rows = FXCollections.observableArrayList();
    private final ObservableList<AuditRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> actions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper verifying = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper verifyProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper verifyOutcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verifyDetails = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Boolean> intact = new ReadOnlyObjectWrapper<>();
    /** The newest progress of a running check, handed from its thread to the pulse. */
    private final AtomicReference<double[]> progress = new AtomicReference<>();
    private AuditQuery query;
    private String cursor;
    private int generation;
    /** Moves when the profile changes: a check of the previous cluster's chain is not shown. */
    private int connections;
    private boolean shown;
    private boolean stale = true;
    private boolean tailing;
    private long lastTail;

    public AuditViewModel(ReadOnlyObjectProperty<?> connectionTarget, Callable<AuditLog> source, BackgroundTasks tasks, UiThread ui, Clock clock, ZoneId zone) {
        this.source = source;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
        actions.add("");
        actions.addAll(AuditActions.domains());
        actions.addAll(AuditActions.all());
        for (var filter : List.of(user, action, target(), since)) {
            filter.addListener((obs, old, now) -> reload());
        }
        result.addListener((obs, old, now) -> reload());
        connectionTarget.addListener((obs, old, now) -> {
            connections++;
            verifying.set(false);
            rows.clear();
            cursor = null;
            intact.set(null);
            verifyOutcome.set("");
            verifyDetails.set("");
            reload();
        });
        ui.onPulse(this::pulse);
    }

    /** The panel's model on the active profile's connection. */
    public static AuditViewModel forActive(ActiveConnection active, BackgroundTasks tasks, UiThread ui) {
        return new AuditViewModel(active.targetProperty(), new PerConnection<>(active, ClusterServices::auditLog)::get, tasks, ui, Clock.systemUTC(),
                ZoneId.systemDefault());
    }

    /** On the UI thread: the panel shows or hides; it reads the trail when first shown and tails it while shown. */
    public void setShown(boolean shown) {
        this.shown = shown;
        if (shown && stale) {
            reload();
        }
    }

    /** On the UI thread: lists again with the current filters (also after each filter change). */
    public void reload() {
        if (!shown) {
            stale = true;
            return;
        }
        AuditQuery next;
        try {
            next = query();
        } catch (IllegalArgumentException bad) {
            problem.set(bad.getMessage());
            return;
        }
        stale = false;
        problem.set("");
        int listing = ++generation;
        cursor = null;
        status.set("Reading the audit trail…");
        tasks.run("Reading the audit trail", () -> source.call().list(next), page -> {
            if (listing != generation) {
                return;
            }
            query = next;
            cursor = page.cursor();
            List<AuditRow> newestFirst = new ArrayList<>(page.records().size());
            for (int i = page.records().size() - 1; i >= 0; i--) {
                newestFirst.add(AuditRow.of(page.records().get(i), zone));
            }
            rows.setAll(newestFirst);
            updateStatus();
        }, reason -> {
            if (listing == generation) {
                status.set("");
                problem.set("Cannot read the audit trail: " + reason);
                stale = true;
            }
        });
    }

    private AuditQuery query() {
        return new AuditQuery(user.get(), action.get(), target().get(), since.get() == null || since.get().isBlank() ? null
                : AuditQuery.parseSince(since.get(), clock), result.get(), SHOWN);
    }

    private void pulse() {
        double[] latest = progress.getAndSet(null);
        if (latest != null && verifying.get()) {
            verifyProgress.set(latest[1]);
            verifyOutcome.set("Checked " + Formats.number((long) latest[0]) + " records…");
        }
        if (shown && cursor != null && !tailing && System.nanoTime() - lastTail >= TAIL_EVERY_NANOS) {
            tail();
        }
    }

    /** New records after the cursor: those that match go on top (the newest {@link #SHOWN} are kept). */
    private void tail() {
        tailing = true;
        lastTail = System.nanoTime();
        int listing = generation;
        String from = cursor;
        AuditQuery filters = query;
        tasks.runQuietly(() -> source.call().tail(from, 500), tail -> {
            tailing = false;
            if (listing != generation) {
                return;
            }
            cursor = tail.cursor();
            List<AuditRow> added = new ArrayList<>();
            for (AuditRecord record : tail.records()) {
                if (filters.matches(record)) {
                    added.addFirst(AuditRow.of(record, zone));
                }
            }
            if (!added.isEmpty()) {
                rows.addAll(0, added);
                if (rows.size() > SHOWN) {
                    rows.remove(SHOWN, rows.size());
                }
                updateStatus();
            }
        }, reason -> tailing = false);
    }

    private void updateStatus() {
        status.set(rows.isEmpty() ? "No records match" : Formats.number(rows.size()) + (rows.size() == 1 ? " record" : " records")
                + (rows.size() >= SHOWN ? " (the newest " + Formats.number(SHOWN) + ")" : "") + ", newest first · new records appear as they are written");
    }

    /** Checks the whole chain in the background; its progress moves on the pulse, and its outcome stays until the next check. */
    public void verify() {
        if (verifying.get()) {
            return;
        }
        verifying.set(true);
        intact.set(null);
        verifyProgress.set(0);
        verifyOutcome.set("Verifying the chain…");
        verifyDetails.set("");
        int checking = connections;
        tasks.run("Verifying the audit chain", () -> source.call().verify((records, fraction) -> progress.set(new double[] {records, fraction})),
                (AuditVerification outcome) -> {
                    if (checking != connections) {
                        return;
                    }
                    verifying.set(false);
                    progress.set(null);
                    verifyProgress.set(1);
                    intact.set(outcome.intact());
                    verifyOutcome.set(headline(outcome));
                    verifyDetails.set(outcome.summary());
                }, reason -> {
                    if (checking != connections) {
                        return;
                    }
                    verifying.set(false);
                    progress.set(null);
                    verifyOutcome.set("Could not verify the chain: " + reason);
                });
    }

    /** The outcome in a line the header holds: the count and range, or the break; the whole in {@link #verifyDetails}. */
    static String headline(AuditVerification outcome) {
        if (outcome.problem().isPresent()) {
            var b = outcome.problem().get();
            return "Chain broken (" + b.kind().name().toLowerCase(java.util.Locale.ROOT) + ") at record " + b.seq() + " (" + b.where() + "): " + b.message();
        }
        if (outcome.records() == 0) {
            return "Chain intact: no records yet";
        }
        return "Chain intact: " + Formats.number(outcome.records()) + (outcome.records() == 1 ? " record" : " records") + ", #" + outcome.firstSeq()
                + " to #" + outcome.lastSeq() + " · head " + outcome.lastSeq() + ":" + outcome.headHash().substring(0, 12) + "…";
    }

    public StringProperty user() {
        return user;
    }

    public StringProperty action() {
        return action;
    }

    public StringProperty target() {
        return target;
    }

    public StringProperty since() {
        return since;
    }

    public ObjectProperty<AuditResult> result() {
        return result;
    }

    /** Newest first. */
    public ObservableList<AuditRow> rows() {
        return rowsView;
    }

    /** The action filter's choices: any, the domains, every action. */
    public ObservableList<String> actions() {
        return actions;
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** A filter that cannot be read, or why the trail cannot be read; "" when all is well. */
    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty verifying() {
        return verifying.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty verifyProgress() {
        return verifyProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verifyOutcome() {
        return verifyOutcome.getReadOnlyProperty();
    }

    /** The check's whole outcome (with the full head hash, what {@code tessera audit verify --expect} takes), for the tooltip. */
    public ReadOnlyStringProperty verifyDetails() {
        return verifyDetails.getReadOnlyProperty();
    }

    /** True when the last check found the chain intact, false when broken, null before a check (or while one runs). */
    public ReadOnlyObjectProperty<Boolean> intact() {
        return intact.getReadOnlyProperty();
    }
}
