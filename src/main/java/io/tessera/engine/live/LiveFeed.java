package io.tessera.engine.live;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.Dispatcher;
import io.tessera.engine.dispatch.QueueDepth;
import io.tessera.engine.events.EventFollower;
import io.tessera.engine.events.EventKeys;
import io.tessera.engine.events.FollowerListener;

/**
 * What a live view of a cluster reads: its events (followed gap-free) and the dispatch queue's depth, under
 * one key prefix ({@code tessera:} in production; tests and benchmarks use their own).
 */
public final class LiveFeed {
    private final ClusterConnection connection;
    private final EventKeys keys;
    private final Dispatcher dispatcher;

    public LiveFeed(ClusterConnection connection, String prefix) {
        this.connection = connection;
        this.keys = new EventKeys(prefix);
        this.dispatcher = new Dispatcher(connection.redis(), new DispatchKeys(prefix), DispatchSettings.defaults());
    }

    public LiveFeed(ClusterConnection connection) {
        this(connection, EventKeys.DEFAULT.prefix());
    }

    /** The newest {@code backlog} recorded events, then everything live; the listener runs on the follower's thread. */
    public EventFollower follow(int backlog, FollowerListener listener) {
        return EventFollower.forConnection(connection, keys, backlog, listener);
    }

    public QueueDepth depth() {
        return dispatcher.depth();
    }

    public EventKeys keys() {
        return keys;
    }
}
