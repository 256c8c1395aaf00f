package io.tessera.console.connection;

import io.tessera.console.common.Coalescer;
import io.tessera.console.common.UiThread;
import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.HealthMonitor;
import io.tessera.engine.connect.ServiceHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The latest health of each service of the active target. A {@link HealthMonitor} probes on its own
 * thread; its results are coalesced onto the UI pulse, and results of a monitor already replaced are dropped.
 */
public final class HealthFeed {
    private record Sample(HealthMonitor source, ServiceHealth health) {}

    private final Duration interval;
    private final Duration timeout;
    private final Map<ServiceKind, ReadOnlyObjectWrapper<ServiceHealth>> health = new EnumMap<>(ServiceKind.class);
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final Coalescer<ServiceKind, Sample> samples;
    private volatile HealthMonitor monitor;

    public HealthFeed(UiThread ui, Duration interval, Duration timeout) {
        this.interval = interval;
        this.timeout = timeout;
        for (ServiceKind kind : ServiceKind.values()) {
            health.put(kind, new ReadOnlyObjectWrapper<>(ServiceHealth.unknown(kind, "not connected")));
        }
        this.samples = new Coalescer<>(ui, (kind, sample) -> {
            if (sample.source() == monitor) {
                show(sample.health());
                checking.set(false);
            }
        });
    }

    /** Starts probing the target at once and then every interval; replaces any earlier target. */
    public void watch(ConnectionTarget target) {
        stop();
        HealthMonitor next = new HealthMonitor(target, interval, timeout);
        next.addListener(result -> samples.offer(result.service(), new Sample(next, result)));
        monitor = next;
        showAll(ServiceHealth.State.CONNECTING, "connecting to " + target.profileName() + "…");
        checking.set(true);
        next.start();
    }

    public void stop() {
        HealthMonitor current = monitor;
        monitor = null;
        checking.set(false);
        if (current != null) {
            current.close();
        }
    }

    public void checkNow() {
        HealthMonitor current = monitor;
        if (current != null) {
            checking.set(true);
            current.checkNow();
        }
    }

    /** Shows the same state for all three services, e.g. while the cluster starts or after a failure. */
    public void showAll(ServiceHealth.State state, String summary) {
        for (ServiceKind kind : ServiceKind.values()) {
            show(new ServiceHealth(kind, state, summary, Map.of(), 0, Instant.now()));
        }
    }

    public void show(ServiceHealth value) {
        health.get(value.service()).set(value);
    }

    public ReadOnlyObjectProperty<ServiceHealth> healthProperty(ServiceKind service) {
        return health.get(service).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public boolean isWatching() {
        return monitor != null;
    }
}
