package io.tessera.engine.events;

/** What an {@link EventFollower} hands over, all on its delivery thread, in order. */
public interface FollowerListener {
    /** Each event once, in id order. */
    void onEvent(Event event);

    /** Events the stream no longer holds; reported where they are missing, never hidden. */
    default void onGap(EventGap gap) { }

    /** {@code detail} says why, for RECONNECTING (a one-line reason); otherwise empty. */
    default void onState(FollowerState state, String detail) { }
}
