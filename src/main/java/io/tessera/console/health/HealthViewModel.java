package io.tessera.console.health;

import io.tessera.console.connection.Session;
import io.tessera.console.status.ServiceStatusModel;
import io.tessera.engine.ServiceKind;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** The health panel: a card per service, the connection's problem if any, and "check now". */
public final class HealthViewModel {
    private final Session session;
    private final List<ServiceStatusModel> services;
    private final StringBinding subtitle;
    private final BooleanBinding canCheck;

    public HealthViewModel(Session session) {
        this.session = session;
        this.services = Arrays.stream(ServiceKind.values())
                .map(kind -> new ServiceStatusModel(kind, session.health().healthProperty(kind)))
                .toList();
        this.subtitle = Bindings.createStringBinding(() -> subtitleFor(session), session.activeProfileProperty(), session.phaseProperty());
        this.canCheck = Bindings.createBooleanBinding(() -> session.phaseProperty().get() == Session.Phase.CONNECTED, session.phaseProperty());
    }

    private static String subtitleFor(Session session) {
        String profile = session.activeProfileProperty().get().name();
        return switch (session.phaseProperty().get()) {
            case STARTING_LOCAL -> "Profile " + profile + " · the local cluster is starting";
            case CONNECTING -> "Profile " + profile + " · connecting";
            case CONNECTED -> "Profile " + profile + " · checked every 5 seconds";
            case FAILED -> "Profile " + profile + " · not connected";
            case STOPPING, STOPPED -> "Profile " + profile + " · stopping";
            case IDLE -> "Profile " + profile;
        };
    }

    public void checkNow() {
        session.checkNow();
    }

    public List<ServiceStatusModel> services() {
        return services;
    }

    public StringBinding subtitle() {
        return subtitle;
    }

    public BooleanBinding canCheck() {
        return canCheck;
    }

    public ReadOnlyBooleanProperty checking() {
        return session.health().checkingProperty();
    }

    /** Why the active profile is not connected, or empty. */
    public ReadOnlyStringProperty problem() {
        return session.problemProperty();
    }
}
