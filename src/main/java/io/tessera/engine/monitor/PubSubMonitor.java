package io.tessera.engine.monitor;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.connect.ClientFactory;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionErrors;
import io.tessera.engine.connect.ConnectionTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

/**
 * Subscriptions on the active connection's Redis, for watching: channels and patterns on one dedicated connection,
 * shard channels (Redis 7+) on another, each with its own thread. Subscriptions come and go while it runs. It counts
 * messages and their rate per subscription and per channel, keeps the last messages in a bounded buffer, publishes
 * test messages and reads the server's PUBSUB figures. Commands other than subscriptions go through the connection's
 * pooled client.
 */
public final class PubSubMonitor implements AutoCloseable {
    public static final int DEFAULT_BUFFER = 1_000;
    /** Channels listed by {@link #overview} at most. */
    public static final int OVERVIEW_LIMIT = 500;
    /** Distinct channels counted at most; beyond that new channels are seen but not counted per channel. */
    static final int CHANNEL_LIMIT = 10_000;
    /** The client name of the subscriber connections (CLIENT LIST). */
    public static final String CLIENT_NAME = "tessera-monitor";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ConnectionTarget target;
    private final UnifiedJedis commands;
    private final MonitorListener listener;
    private final RecentMessages recent;
    private final Map<Subscription, TrafficCounter> bySubscription = new LinkedHashMap<>();
    private final Map<Subscription, TrafficCounter> byChannel = new ConcurrentHashMap<>();
    private final Map<Subscriber, MonitorState> states = new LinkedHashMap<>();
    private final Subscriber classic;
    private Subscriber sharded;
    private volatile ServerVersion version;
    private MonitorState reported = MonitorState.IDLE;
    private boolean closed;

    public PubSubMonitor(ConnectionTarget target, UnifiedJedis commands, MonitorListener listener, int bufferCapacity) {
        this.target = target;
        this.commands = commands;
        this.listener = listener;
        this.recent = new RecentMessages(bufferCapacity);
        this.classic = subscriber("pub/sub", Wire::classic);
    }

    /** A monitor on the connection's Redis: its target for subscriber connections, its pooled client for the rest. */
    public static PubSubMonitor open(ClusterConnection connection, MonitorListener listener) {
        return new PubSubMonitor(connection.target(), connection.redis(), listener, DEFAULT_BUFFER);
    }

    private Subscriber subscriber(String name, java.util.function.Function<Wire.Events, Wire> wires) {
        return new Subscriber(name, this::connect, wires, this::describe, new Subscriber.Sink() {
            @Override
            public void received(Subscription via, String channel, byte[] payload) {
                deliver(via, channel, payload);
            }

            @Override
            public void state(Subscriber subscriber, MonitorState state) {
                stateOf(subscriber, state);
            }
        }).start();
    }

    /** A dedicated connection, named so that CLIENT LIST tells the monitor's subscribers apart. */
    private Jedis connect() {
        Jedis jedis = ClientFactory.redisConnection(target, TIMEOUT);
        try {
            jedis.clientSetname(CLIENT_NAME);
        } catch (RuntimeException e) {
            jedis.close();
            throw e;
        }
        return jedis;
    }

    /** One line naming the endpoint (host and port only: credentials never appear). */
    private String describe(Throwable error) {
        return ConnectionErrors.describe(ServiceKind.REDIS, target.redisDescription(), error);
    }

    /** The server's version (read once, from INFO server). */
    public ServerVersion serverVersion() {
        ServerVersion known = version;
        if (known == null) {
            known = ServerVersion.parseInfo(commands.info("server"));
            version = known;
        }
        return known;
    }

    /** Null when this server has sharded pub/sub, else the reason it cannot be used. */
    public String shardedUnsupportedReason() {
        ServerVersion v = serverVersion();
        return v.hasShardedPubSub() ? null
                : "sharded pub/sub (SSUBSCRIBE, SPUBLISH) is not supported by this server (Redis " + v + "; it needs 7.0 or later)";
    }

    /**
     * Starts listening; returns false when it already was. A shard channel on a server older than Redis 7 is refused
     * with "not supported by this server". Safe from any thread; the subscription itself completes in the background.
     */
    public boolean add(Subscription subscription) {
        if (subscription.kind() == SubscriptionKind.SHARD_CHANNEL) {
            String unsupported = shardedUnsupportedReason();
            if (unsupported != null) {
                throw new UnsupportedOperationException(unsupported);
            }
        }
        Subscriber to;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the monitor is closed");
            }
            if (bySubscription.containsKey(subscription)) {
                return false;
            }
            bySubscription.put(subscription, new TrafficCounter(System.currentTimeMillis()));
            to = subscriberFor(subscription);
        }
        to.add(subscription);
        return true;
    }

    /** Stops listening; returns false when it was not listening. Its counts go with it. */
    public boolean remove(Subscription subscription) {
        Subscriber from;
        synchronized (this) {
            if (bySubscription.remove(subscription) == null) {
                return false;
            }
            from = subscriberFor(subscription);
        }
        from.remove(subscription);
        return true;
    }

    private Subscriber subscriberFor(Subscription subscription) {
        if (subscription.kind() != SubscriptionKind.SHARD_CHANNEL) {
            return classic;
        }
        if (sharded == null) {
            sharded = subscriber("sharded pub/sub", Wire::sharded);
        }
        return sharded;
    }

    /** Whether the server has confirmed the subscription (on the current connection): messages published now arrive. */
    public boolean isActive(Subscription subscription) {
        Subscriber on;
        synchronized (this) {
            if (!bySubscription.containsKey(subscription)) {
                return false;
            }
            on = subscriberFor(subscription);
        }
        return on.isActive(subscription);
    }

    public synchronized List<Subscription> subscriptions() {
        return List.copyOf(bySubscription.keySet());
    }

    /** Count and rate of each subscription, in the order they were added. */
    public List<SubscriptionStats> stats() {
        long now = System.currentTimeMillis();
        List<SubscriptionStats> out = new ArrayList<>();
        synchronized (this) {
            bySubscription.forEach((s, counter) -> out.add(new SubscriptionStats(s, counter.total(), counter.perSecond(now))));
        }
        return out;
    }

    /** Count and rate of each channel a message arrived on (a pattern's channels each count), busiest first. */
    public List<SubscriptionStats> channelStats() {
        long now = System.currentTimeMillis();
        return byChannel.entrySet().stream()
                .map(e -> new SubscriptionStats(e.getKey(), e.getValue().total(), e.getValue().perSecond(now)))
                .sorted(Comparator.comparingLong(SubscriptionStats::messages).reversed()).toList();
    }

    /** The last messages received, newest first (at most the buffer's capacity). */
    public List<MonitorMessage> recent() {
        return recent.newestFirst();
    }

    public void clearRecent() {
        recent.clear();
    }

    private void deliver(Subscription via, String channel, byte[] payload) {
        long now = System.currentTimeMillis();
        TrafficCounter counter;
        synchronized (this) {
            counter = bySubscription.get(via);
        }
        if (counter == null) {
            return; // removed while the message was on its way
        }
        counter.record(now);
        Subscription channelKey = via.kind() == SubscriptionKind.SHARD_CHANNEL ? via : Subscription.channel(channel);
        TrafficCounter perChannel = byChannel.get(channelKey);
        if (perChannel == null && byChannel.size() < CHANNEL_LIMIT) {
            perChannel = byChannel.computeIfAbsent(channelKey, k -> new TrafficCounter(now));
        }
        if (perChannel != null) {
            perChannel.record(now);
        }
        MonitorMessage message = new MonitorMessage(via, channel, Instant.ofEpochMilli(now), payload);
        recent.add(message);
        listener.onMessage(message);
    }

    /**
     * Publishes a test message (PUBLISH, or SPUBLISH for a shard channel); returns how many subscribers received it.
     */
    public long publish(String channel, byte[] payload, boolean sharded) {
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("say which channel to publish on");
        }
        if (!sharded) {
            return commands.publish(channel.getBytes(StandardCharsets.UTF_8), payload);
        }
        String unsupported = shardedUnsupportedReason();
        if (unsupported != null) {
            throw new UnsupportedOperationException(unsupported);
        }
        return (Long) commands.sendCommand(Protocol.Command.SPUBLISH, channel.getBytes(StandardCharsets.UTF_8), payload);
    }

    /** PUBSUB CHANNELS / NUMSUB / NUMPAT (and SHARDCHANNELS / SHARDNUMSUB on Redis 7+), channels matching the glob. */
    public PubSubOverview overview(String glob) {
        String pattern = glob == null || glob.isBlank() ? "*" : glob;
        boolean shardSupported = serverVersion().hasShardedPubSub();
        try (Jedis jedis = ClientFactory.redisConnection(target, TIMEOUT)) {
            List<String> channels = jedis.pubsubChannels(pattern).stream().sorted().toList();
            List<String> shards = shardSupported ? jedis.pubsubShardChannels(pattern).stream().sorted().toList() : List.of();
            boolean truncated = channels.size() > OVERVIEW_LIMIT || shards.size() > OVERVIEW_LIMIT;
            channels = channels.subList(0, Math.min(channels.size(), OVERVIEW_LIMIT));
            shards = shards.subList(0, Math.min(shards.size(), OVERVIEW_LIMIT));
            Map<String, Long> counts = channels.isEmpty() ? Map.of() : jedis.pubsubNumSub(channels.toArray(String[]::new));
            Map<String, Long> shardCounts = shards.isEmpty() ? Map.of() : jedis.pubsubShardNumSub(shards.toArray(String[]::new));
            return new PubSubOverview(counted(channels, counts), jedis.pubsubNumPat(), counted(shards, shardCounts), shardSupported, truncated);
        }
    }

    private static List<ChannelCount> counted(List<String> channels, Map<String, Long> counts) {
        return channels.stream().map(c -> new ChannelCount(c, counts.getOrDefault(c, 0L))).toList();
    }

    /** The state of the subscriber connections together: a reconnecting one first, then connecting, listening, idle. */
    public synchronized MonitorState state() {
        return reported;
    }

    private void stateOf(Subscriber subscriber, MonitorState state) {
        MonitorState combined;
        synchronized (this) {
            if (closed) {
                return;
            }
            states.put(subscriber, state);
            combined = combine();
            if (combined.equals(reported)) {
                return;
            }
            reported = combined;
        }
        listener.onState(combined);
    }

    private MonitorState combine() {
        for (MonitorState.Phase phase : List.of(MonitorState.Phase.RECONNECTING, MonitorState.Phase.CONNECTING)) {
            for (MonitorState s : states.values()) {
                if (s.phase() == phase) {
                    return s;
                }
            }
        }
        int listening = (int) states.values().stream().filter(s -> s.phase() == MonitorState.Phase.LISTENING).count();
        if (listening == 0) {
            return MonitorState.IDLE;
        }
        return new MonitorState(MonitorState.Phase.LISTENING, "listening on " + listening + (listening == 1 ? " connection" : " connections"));
    }

    @Override
    public void close() {
        List<Subscriber> toClose = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            reported = new MonitorState(MonitorState.Phase.CLOSED, "closed");
            toClose.add(classic);
            if (sharded != null) {
                toClose.add(sharded);
            }
        }
        toClose.forEach(Subscriber::close);
    }
}
