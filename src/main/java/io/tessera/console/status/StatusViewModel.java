package io.tessera.console.status;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.connection.Session;
import io.tessera.engine.ServiceKind;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.StringBinding;

/** The status bar: each service's live state, the active profile, and what runs in the background. */
public final class StatusViewModel {
    private final List<ServiceStatusModel> services;
    private final StringBinding profileName;
    private final StringBinding taskText;
    private final DoubleBinding progress;

    public StatusViewModel(Session session, BackgroundTasks tasks) {
        this.services = Arrays.stream(ServiceKind.values())
                .map(kind -> new ServiceStatusModel(kind, session.health().healthProperty(kind)))
                .toList();
        this.profileName = Bindings.createStringBinding(() -> session.activeProfileProperty().get().name(), session.activeProfileProperty());
        StringBinding current = tasks.currentTitle();
        this.taskText = Bindings.createStringBinding(() -> current.get().isEmpty() ? "" : current.get() + "…", current);
        this.progress = Bindings.createDoubleBinding(() -> !tasks.running().isEmpty() ? -1.0 : 0.0, tasks.running());
    }

    public List<ServiceStatusModel> services() {
        return services;
    }

    public StringBinding profileName() {
        return profileName;
    }

    public StringBinding taskText() {
        return taskText;
    }

    /** -1 (indeterminate) while a background task runs, 0 (hidden) otherwise. */
    public DoubleBinding progress() {
        return progress;
    }
}
