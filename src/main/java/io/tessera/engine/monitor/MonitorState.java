package io.tessera.engine.monitor;

/** Where the monitor's subscriber connections are, with a line for the operator (never a credential). */
public record MonitorState(Phase phase, String detail) {
    public enum Phase {
        /** Nothing subscribed, so no subscriber connection is open. */
        IDLE,
        CONNECTING,
        LISTENING,
        /** A subscriber lost its connection and is trying again with backoff; {@code detail} says why. */
        RECONNECTING,
        CLOSED
    }

    static final MonitorState IDLE = new MonitorState(Phase.IDLE, "no subscriptions");
}
