package io.tessera.engine.monitor;

/**
 * Receives what the monitor sees, on its subscriber threads: hand values on (to a queue or a coalescer) and return;
 * a slow listener holds up the subscription it was called for.
 */
public interface MonitorListener {
    void onMessage(MonitorMessage message);

    default void onState(MonitorState state) {}

    MonitorListener NONE = message -> { };
}
