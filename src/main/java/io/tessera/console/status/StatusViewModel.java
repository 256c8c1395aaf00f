package io.tessera.console.status;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.connection.Session;
import io.tessera.engine.ServiceKind;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;

/** The status bar: each service's live state, the active profile, and what runs in the background. */
public final class StatusViewModel {
    private final List<ServiceStatusModel> services;
    private final StringBinding profileName;
    private final StringBinding taskText;
    private final BooleanBinding busy;

    public StatusViewModel(Session session, BackgroundTasks tasks) {
        this.services = Arrays.stream(ServiceKind.values())
                .map(kind -> new ServiceStatusModel(kind, session.health().healthProperty(kind)))
                .toList();
        this.profileName = Bindings.createStringBinding(() -> session.activeProfileProperty().get().name(), session.activeProfileProperty());
        var running = tasks.running();
        this.taskText = Bindings.createStringBinding(() -> running.isEmpty() ? ""
                : running.getFirst() + "…" + (running.size() > 1 ? " (+" + (running.size() - 1) + " more)" : ""), running);
        this.busy = Bindings.isNotEmpty(running);
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

    /** Whether background work is running: the status bar shows a progress bar. */
    public BooleanBinding busy() {
        return busy;
    }
}
