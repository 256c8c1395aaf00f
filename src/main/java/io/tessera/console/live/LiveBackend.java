package io.tessera.console.live;

import io.tessera.console.connection.ActiveConnection;
import io.tessera.console.connection.ConnectionSource;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.QueueDepth;
import io.tessera.engine.events.EventFollower;
import io.tessera.engine.events.FollowerListener;
import io.tessera.engine.live.LiveFeed;
import io.tessera.engine.services.ClusterServices;
import io.tessera.engine.thumbs.ThumbnailService;
import io.tessera.engine.thumbs.ThumbnailSettings;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The engine objects the Live panel works with, for one connection: the event follower, the dispatch queue's
 * depth, and thumbnails of outputs (through the shared Redis thumbnail cache, so the HDFS panel's work is reused).
 * Made and used off the UI thread.
 */
public final class LiveBackend implements AutoCloseable {
    private final LiveFeed feed;
    private final ThumbnailService thumbnails;

    public LiveBackend(ClusterServices services) {
        this(services, services.liveFeed(DispatchKeys.DEFAULT));
    }

    public LiveBackend(ClusterServices services, LiveFeed feed) {
        this.feed = feed;
        this.thumbnails = services.thumbnails(ThumbnailSettings.DEFAULT.withWorkers(2));
    }

    /** Starts following: the newest {@code backlog} recorded events, then everything live. The listener runs on the follower's thread. */
    public EventFollower follow(int backlog, FollowerListener listener) {
        return feed.follow(backlog, listener);
    }

    /** The dispatch queue's depth every {@code interval}, on the sampler's own thread, until closed. */
    public AutoCloseable sampleDepth(Duration interval, Consumer<QueueDepth> sink) {
        return feed.sampleDepth(interval, sink);
    }

    public ThumbnailService thumbnails() {
        return thumbnails;
    }

    @Override
    public void close() {
        thumbnails.close();
    }

    /** The backend of the active profile's connection, made again when the connection changes. */
    public static ConnectionSource<LiveBackend> of(ActiveConnection active) {
        return ConnectionSource.of(active, LiveBackend::new);
    }
}
