package io.tessera.console.startup;

import io.tessera.console.connection.LocalCluster;
import io.tessera.console.connection.Session;
import io.tessera.console.connection.StartupStep;
import io.tessera.engine.ServiceKind;
import io.tessera.engine.cluster.StartupListener;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.console.status.ServiceStatusModel;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;

/** Progress of the local cluster starting (or stopping), service by service, and its failure with a retry. */
public final class StartupViewModel {

    /** One service's line: phase, detail and time since the start began. */
    public record Row(String name, StringBinding phase, StringBinding detail, StringBinding time, StringBinding styleClass) {}

    private final Session session;
    private final List<Row> rows;
    private final BooleanProperty dismissed = new SimpleBooleanProperty();
    private final BooleanBinding visible;
    private final BooleanBinding failed;
    private final StringBinding title;

    public StartupViewModel(Session session) {
        this.session = session;
        LocalCluster local = session.localCluster();
        this.rows = Arrays.stream(ServiceKind.values()).map(kind -> row(kind, local.stepProperty(kind))).toList();
        var state = local.stateProperty();
        state.addListener((obs, old, now) -> {
            if (now == LocalCluster.State.STARTING) {
                dismissed.set(false);
            }
        });
        BooleanBinding localActive = Bindings.createBooleanBinding(() -> session.activeProfileProperty().get().isLocal(), session.activeProfileProperty());
        this.failed = state.isEqualTo(LocalCluster.State.FAILED);
        // the session is stopping before the cluster is (the console's worker drains first): say so at once
        BooleanBinding quitting = session.phaseProperty().isEqualTo(Session.Phase.STOPPING);
        this.visible = state.isEqualTo(LocalCluster.State.STOPPING).or(quitting)
                .or(localActive.and(state.isEqualTo(LocalCluster.State.STARTING)))
                .or(localActive.and(failed).and(dismissed.not()));
        this.title = Bindings.createStringBinding(() -> quitting.get() ? "Stopping the local cluster" : switch (state.get()) {
            case STOPPING, STOPPED -> "Stopping the local cluster";
            case FAILED -> "The local cluster did not start";
            default -> "Starting the local cluster";
        }, state, quitting);
    }

    private static Row row(ServiceKind kind, ObservableValue<StartupStep> step) {
        return new Row(kind.displayName(),
                text(step, s -> s.phase() == null ? "Waiting" : capitalized(s.phase().name())),
                text(step, StartupStep::detail),
                text(step, StartupViewModel::time),
                text(step, s -> ServiceStatusModel.styleClassOf(stateOf(s))));
    }

    /** How long the service took: shown once it is up, failed or stopped. */
    private static String time(StartupStep step) {
        boolean settled = step.phase() != null && step.phase() != StartupListener.Phase.STARTING && step.phase() != StartupListener.Phase.STOPPING;
        return settled ? String.format(Locale.ROOT, "%.1f s", step.elapsedMillis() / 1000.0) : "";
    }

    private static ServiceHealth.State stateOf(StartupStep step) {
        if (step.phase() == null) {
            return ServiceHealth.State.UNKNOWN;
        }
        return switch (step.phase()) {
            case UP -> ServiceHealth.State.UP;
            case FAILED -> ServiceHealth.State.DOWN;
            case STARTING, STOPPING -> ServiceHealth.State.CONNECTING;
            case STOPPED -> ServiceHealth.State.UNKNOWN;
        };
    }

    private static String capitalized(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    private static StringBinding text(ObservableValue<StartupStep> step, java.util.function.Function<StartupStep, String> format) {
        return Bindings.createStringBinding(() -> format.apply(step.getValue()), step);
    }

    public void retry() {
        session.retry();
    }

    public void dismiss() {
        dismissed.set(true);
    }

    public List<Row> rows() {
        return rows;
    }

    public BooleanBinding visible() {
        return visible;
    }

    public BooleanBinding failed() {
        return failed;
    }

    public StringBinding title() {
        return title;
    }

    public ObservableValue<String> problem() {
        return session.problemProperty();
    }
}
