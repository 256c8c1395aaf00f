package io.tessera.engine.events;

/** Where an {@link EventFollower} stands with its Redis. */
public enum FollowerState {
    /** Subscribing for the first time. */
    CONNECTING,
    /** Subscribed; reading what it missed from the results stream before following live. */
    REPLAYING,
    /** Caught up: events arrive as they are published. */
    LIVE,
    /** Redis went away; trying again with backoff. Nothing is lost unless the stream is trimmed meanwhile. */
    RECONNECTING,
    CLOSED
}
