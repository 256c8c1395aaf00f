package io.tessera.engine.connect;

import io.tessera.engine.ServiceKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Probes a target's three services every {@code interval} on its own daemon thread and tells
 * listeners each result. Listeners run on the monitor thread: a UI hands the result to its own thread.
 */
public final class HealthMonitor implements AutoCloseable {
    private final ConnectionTarget target;
    private final Duration interval;
    private final Duration timeout;
    private final List<Consumer<ServiceHealth>> listeners = new CopyOnWriteArrayList<>();
    private final Map<ServiceKind, ServiceHealth> latest = new EnumMap<>(ServiceKind.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("health-monitor").factory());

    public HealthMonitor(ConnectionTarget target, Duration interval, Duration timeout) {
        this.target = target;
        this.interval = interval;
        this.timeout = timeout;
    }

    public void addListener(Consumer<ServiceHealth> listener) {
        listeners.add(listener);
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Probes at once, outside the schedule (after a reconnect, or when the operator asks). */
    public void checkNow() {
        timer.execute(this::round);
    }

    public synchronized Map<ServiceKind, ServiceHealth> latest() {
        return Map.copyOf(latest);
    }

    public ConnectionTarget target() {
        return target;
    }

    private void round() {
        Map<ServiceKind, ServiceHealth> results = HealthCheck.checkAll(target, timeout);
        synchronized (this) {
            latest.putAll(results);
        }
        results.values().forEach(health -> listeners.forEach(listener -> listener.accept(health)));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
