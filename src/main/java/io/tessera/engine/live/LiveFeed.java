package io.tessera.engine.live;

import io.tessera.engine.Reasons;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.Dispatcher;
import io.tessera.engine.dispatch.QueueDepth;
import io.tessera.engine.events.EventFollower;
import io.tessera.engine.events.EventKeys;
import io.tessera.engine.events.FollowerListener;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a live view of a cluster reads: its events (followed gap-free) and the dispatch queue's depth, under
 * one key prefix ({@code tessera:} in production; tests and benchmarks use their own).
 */
public final class LiveFeed {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
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

    /**
     * Reads the queue depth every {@code interval} on a daemon thread and hands it to {@code sink} (failures are
     * skipped: the follower reports the connection's state). The reads keep to a fixed rate (a slow read does not push
     * the next ones later; a missed turn is skipped, not made up). Close the result to stop.
     */
    public AutoCloseable sampleDepth(Duration interval, Consumer<QueueDepth> sink) {
        long every = interval.toNanos();
        Thread sampler = Thread.ofPlatform().daemon().name("queue-depth-sampler").start(() -> {
            long due = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    sink.accept(depth());
                } catch (RuntimeException e) {
                    LOG.debug("queue depth not read: {}", Reasons.oneLine(e));
                }
                long now = System.nanoTime();
                due += Math.max(1, (now - due) / every + 1) * every;
                try {
                    TimeUnit.NANOSECONDS.sleep(due - now);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        return sampler::interrupt;
    }

    public EventKeys keys() {
        return keys;
    }
}
