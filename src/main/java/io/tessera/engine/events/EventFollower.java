package io.tessera.engine.events;

import io.tessera.engine.connect.Backoff;
import io.tessera.engine.Reasons;
import io.tessera.engine.connect.ClientFactory;
import io.tessera.engine.connect.ClusterConnection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Follows every event, exactly once and in id order, across dropped connections. Pub/sub alone is at most
 * once, so the results stream is the record: on every (re)subscription the follower first replays from the
 * stream what came after the last event it delivered, then follows the channel. Live messages that arrive
 * meanwhile wait in the inbox; ids at or below the last delivered are dropped; before the first live event
 * after a replay the follower reads the stream between the two, so no event published in that window is
 * skipped. A single connection's channel messages arrive in publish order, which is stream-id order (the
 * script that records an event publishes it), so within a subscription nothing else can be missing.
 *
 * <p>A trim can still overtake a follower that was away too long: that is reported as an {@link EventGap}
 * with the number of events lost (from the stream's entries-added counter), never hidden.
 *
 * <p>Two daemon threads: the subscriber (Jedis pub/sub blocks its thread; it reconnects with backoff) and
 * the delivery thread, which does every read of the stream and every listener call.
 */
public final class EventFollower implements AutoCloseable {
    /** Events read per replay call. */
    static final int PAGE = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(EventFollower.class);
    private static final Duration SUBSCRIBER_TIMEOUT = Duration.ofSeconds(10);
    private static final long FIRST_DELAY_MS = 100;
    private static final long MAX_DELAY_MS = 5_000;

    private final Supplier<Jedis> subscriberConnections;
    private final UnifiedJedis redis;
    private final EventKeys keys;
    private final FollowerListener listener;
    private final String clientName = "tessera-events-" + UUID.randomUUID().toString().substring(0, 8);
    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final Thread subscriber;
    private final Thread delivery;
    private volatile boolean closed;
    private volatile JedisPubSub subscription;
    private volatile Jedis connection;
    private volatile FollowPosition position;

    // owned by the delivery thread
    private String lastId;
    private long lastOrdinal;
    private boolean fillBeforeNextLive;

    private EventFollower(Supplier<Jedis> subscriberConnections, UnifiedJedis redis, EventKeys keys, FollowerListener listener) {
        this.subscriberConnections = subscriberConnections;
        this.redis = redis;
        this.keys = keys;
        this.listener = listener;
        this.subscriber = Thread.ofPlatform().daemon().name(clientName + "-sub").unstarted(this::subscribeLoop);
        this.delivery = Thread.ofPlatform().daemon().name(clientName + "-deliver").unstarted(this::deliveryLoop);
    }

    /**
     * Starts following: first the newest {@code backlog} events already recorded (0 for none), then every
     * event from now on.
     *
     * @param subscriberConnections makes the dedicated pub/sub connection (again after each drop)
     * @param redis                 reads the results stream
     */
    public static EventFollower fromTail(Supplier<Jedis> subscriberConnections, UnifiedJedis redis, EventKeys keys, int backlog,
                                         FollowerListener listener) {
        EventFollower follower = new EventFollower(subscriberConnections, redis, keys, listener);
        follower.start(() -> follower.beginAtTail(backlog));
        return follower;
    }

    /** Follows a profile's events over its own pub/sub connection, reading the stream through the connection's client. */
    public static EventFollower forConnection(ClusterConnection connection, EventKeys keys, int backlog, FollowerListener listener) {
        return fromTail(() -> ClientFactory.redisConnection(connection.target(), SUBSCRIBER_TIMEOUT), connection.redis(), keys, backlog, listener);
    }

    /** Starts following right after {@code position} (from {@link #position()} of an earlier follower). */
    public static EventFollower resume(Supplier<Jedis> subscriberConnections, UnifiedJedis redis, EventKeys keys, FollowPosition position,
                                       FollowerListener listener) {
        EventFollower follower = new EventFollower(subscriberConnections, redis, keys, listener);
        follower.start(() -> {
            follower.lastId = position.lastId();
            follower.lastOrdinal = position.ordinal();
            follower.position = position;
        });
        return follower;
    }

    private void start(Runnable begin) {
        inbox.add(new Begin(begin));
        delivery.start();
        subscriber.start();
    }

    /** The last event delivered (null before the first), to resume from later. */
    public FollowPosition position() {
        return position;
    }

    /** The name of the pub/sub connection in CLIENT LIST. */
    public String clientName() {
        return clientName;
    }

    // ---- subscriber thread

    private void subscribeLoop() {
        int failures = 0;
        while (!closed) {
            try (Jedis jedis = subscriberConnections.get()) {
                connection = jedis;
                jedis.clientSetname(clientName);
                JedisPubSub pubsub = new JedisPubSub() {
                    @Override
                    public void onSubscribe(String channel, int count) {
                        if (closed) {
                            unsubscribe();
                        } else {
                            inbox.add(Subscribed.INSTANCE);
                        }
                    }

                    @Override
                    public void onMessage(String channel, String message) {
                        inbox.add(message);
                    }
                };
                subscription = pubsub;
                if (closed) {
                    return;
                }
                jedis.subscribe(pubsub, keys.allChannel()); // blocks until unsubscribed or dropped
                failures = 0;
            } catch (JedisException | IllegalStateException e) {
                if (closed) {
                    return;
                }
                inbox.add(new Lost(Reasons.oneLine(e)));
                if (!sleep(delay(failures++))) {
                    return;
                }
            } finally {
                connection = null;
            }
        }
    }

    /** 100 ms doubling up to 5 s, each wait a random point in the upper half (so many consoles do not return at once). */
    private static long delay(int failures) {
        return Backoff.delayMillis(FIRST_DELAY_MS, MAX_DELAY_MS, failures);
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    // ---- delivery thread

    private void deliveryLoop() {
        state(FollowerState.CONNECTING, "");
        try {
            while (!closed) {
                switch (inbox.take()) {
                    case Begin begin -> withRetry(begin.action);
                    case Subscribed s -> withRetry(this::catchUp);
                    case Lost lost -> state(FollowerState.RECONNECTING, lost.reason);
                    case String message -> onLive(message);
                    default -> throw new IllegalStateException();
                }
            }
        } catch (InterruptedException e) {
            // closing
        }
    }

    /** Runs a read of the stream until it succeeds (Redis may be away); the inbox keeps filling meanwhile. */
    private void withRetry(Runnable read) throws InterruptedException {
        int failures = 0;
        while (!closed) {
            try {
                read.run();
                return;
            } catch (JedisException e) {
                state(FollowerState.RECONNECTING, Reasons.oneLine(e));
                Thread.sleep(delay(failures++));
            }
        }
    }

    private void beginAtTail(int backlog) {
        StreamPage page = StreamPage.tail(redis, keys, backlog);
        lastOrdinal = Math.max(0, page.added()) - page.entries().size();
        if (page.entries().isEmpty()) {
            lastId = page.lastGeneratedId();
            position = new FollowPosition(lastId, lastOrdinal);
        }
        page.entries().forEach(this::deliver);
    }

    private void catchUp() {
        state(FollowerState.REPLAYING, "");
        StreamPage page;
        do {
            page = StreamPage.range(redis, keys, lastId, "", PAGE);
            apply(page);
        } while (page.entries().size() == PAGE);
        fillBeforeNextLive = true;
        state(FollowerState.LIVE, "");
    }

    private void onLive(String message) throws InterruptedException {
        String id = idOf(message);
        if (id == null) {
            LOG.debug("ignored a message without an event id on {}", keys.allChannel());
            return;
        }
        if (lastId != null && EventReplay.compareIds(id, lastId) <= 0) {
            return; // already delivered by a replay
        }
        if (fillBeforeNextLive) {
            // events recorded between the end of the replay and this one (their messages went to a dropped connection)
            withRetry(() -> fill(id));
            fillBeforeNextLive = false;
            if (lastId != null && EventReplay.compareIds(id, lastId) <= 0) {
                return;
            }
        }
        List<Event> events;
        try {
            events = EventJson.readAll(message, null);
        } catch (IllegalArgumentException e) {
            LOG.debug("ignored a message that is not an event on {}", keys.allChannel());
            return;
        }
        deliver(events);
    }

    private void fill(String beforeId) {
        StreamPage page;
        do {
            page = StreamPage.range(redis, keys, lastId, beforeId, PAGE);
            apply(page);
        } while (page.entries().size() == PAGE);
    }

    private void apply(StreamPage page) {
        reportTrim(page);
        page.entries().forEach(this::deliver);
    }

    /** The oldest kept entry is past the last delivered: the entries between were trimmed (or the stream reset). */
    private void reportTrim(StreamPage page) {
        if (lastId == null) {
            return;
        }
        if (page.added() >= 0 && page.added() < lastOrdinal) {
            gap(new EventGap(-1, lastId, page.firstId()));
            lastOrdinal = page.added() - page.length();
        } else if (!page.firstId().isEmpty() && EventReplay.compareIds(page.firstId(), lastId) > 0) {
            long missed = page.added() < 0 ? -1 : page.added() - page.length() - lastOrdinal;
            if (missed != 0) {
                gap(new EventGap(missed, lastId, page.firstId()));
            }
            if (page.added() >= 0) {
                lastOrdinal = page.added() - page.length();
            }
        }
    }

    /** The events of one stream entry (one, or a batch sharing the entry's id): the position moves by one entry. */
    private void deliver(List<Event> entry) {
        lastId = entry.getFirst().id();
        lastOrdinal++;
        position = new FollowPosition(lastId, lastOrdinal);
        for (Event event : entry) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("an event listener failed: {}", Reasons.oneLine(e));
            }
        }
    }

    private void gap(EventGap gap) {
        try {
            listener.onGap(gap);
        } catch (RuntimeException e) {
            LOG.warn("an event listener failed: {}", Reasons.oneLine(e));
        }
    }

    private void state(FollowerState state, String detail) {
        try {
            listener.onState(state, detail);
        } catch (RuntimeException e) {
            LOG.warn("an event listener failed: {}", Reasons.oneLine(e));
        }
    }

    /** Published messages start with {"id":"<stream id>", (emit.lua puts it first); anything else is not ours. */
    static String idOf(String message) {
        String head = "{\"id\":\"";
        if (!message.startsWith(head)) {
            return null;
        }
        int end = message.indexOf('"', head.length());
        String id = end < 0 ? null : message.substring(head.length(), end);
        return id != null && id.matches("\\d+-\\d+") ? id : null;
    }

    /** Stops both threads; no listener call follows except the final CLOSED state. */
    @Override
    public void close() {
        closed = true;
        JedisPubSub pubsub = subscription;
        try {
            if (pubsub != null && pubsub.isSubscribed()) {
                pubsub.unsubscribe();
            }
        } catch (RuntimeException ignored) {
            // the connection is already gone
        }
        subscriber.interrupt();
        delivery.interrupt();
        join(subscriber);
        Jedis stuck = connection;
        if (subscriber.isAlive() && stuck != null) {
            stuck.disconnect();
            join(subscriber);
        }
        join(delivery);
        state(FollowerState.CLOSED, "");
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Begin(Runnable action) { }

    private enum Subscribed { INSTANCE }

    private record Lost(String reason) { }
}
