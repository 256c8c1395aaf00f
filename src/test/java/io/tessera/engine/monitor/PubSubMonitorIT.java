package io.tessera.engine.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClientFactory;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.Await;
import io.tessera.testing.SharedCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The pub/sub monitor on the embedded Redis (7.0.15): channels, patterns and shard channels, counts, publish, reconnect. */
class PubSubMonitorIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final String prefix = "mon-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private final BlockingQueue<MonitorMessage> received = new LinkedBlockingQueue<>();
    private final List<MonitorState> states = new CopyOnWriteArrayList<>();
    private ClusterConnection connection;
    private PubSubMonitor monitor;

    @BeforeEach
    void open() {
        connection = new ClusterConnection(SharedCluster.target());
        monitor = PubSubMonitor.open(connection, new MonitorListener() {
            @Override
            public void onMessage(MonitorMessage message) {
                received.add(message);
            }

            @Override
            public void onState(MonitorState state) {
                states.add(state);
            }
        });
    }

    @AfterEach
    void close() {
        monitor.close();
        connection.close();
    }

    @Test
    void channelPatternAndShardChannelSubscriptionsReceiveWhatIsPublishedAndCountIt() throws Exception {
        Subscription channel = Subscription.channel(prefix + "plain");
        Subscription pattern = Subscription.pattern(prefix + "events:*");
        Subscription shard = Subscription.shardChannel(prefix + "{shard}");
        assertTrue(monitor.serverVersion().hasShardedPubSub(), "the embedded server is 7.0.15: " + monitor.serverVersion());
        for (Subscription s : List.of(channel, pattern, shard)) {
            assertTrue(monitor.add(s));
        }
        assertFalse(monitor.add(channel), "a second add of the same subscription changes nothing");
        awaitActive(channel, pattern, shard);
        assertEquals(MonitorState.Phase.LISTENING, monitor.state().phase(), monitor.state().toString());

        assertEquals(1, monitor.publish(channel.name(), bytes("hello"), false), "one receiver: the monitor");
        MonitorMessage plain = next();
        assertEquals(channel, plain.via());
        assertEquals(channel.name(), plain.channel());
        assertNull(plain.pattern());
        assertEquals("hello", plain.payloadText());

        byte[] binary = {0, (byte) 0xff, 1, 2, (byte) 0x80};
        monitor.publish(prefix + "events:job-7", binary, false);
        MonitorMessage matched = next();
        assertEquals(pattern, matched.via());
        assertEquals(prefix + "events:job-7", matched.channel());
        assertEquals(pattern.name(), matched.pattern());
        assertArrayEquals(binary, matched.payload(), "payload bytes arrive as sent");

        assertEquals(1, monitor.publish(shard.name(), bytes("{\"sharded\":true}"), true));
        MonitorMessage sharded = next();
        assertEquals(shard, sharded.via());
        assertEquals("{\"sharded\":true}", sharded.payloadText());

        for (int i = 0; i < 20; i++) {
            monitor.publish(prefix + "events:burst", bytes("m" + i), false);
        }
        for (int i = 0; i < 20; i++) {
            assertEquals("m" + i, next().payloadText(), "in publish order");
        }
        SubscriptionStats patternStats = statsOf(pattern);
        assertEquals(21, patternStats.messages());
        assertTrue(patternStats.perSecond() > 0, "a rate over the last seconds: " + patternStats);
        assertEquals(1, statsOf(channel).messages());
        assertEquals(1, statsOf(shard).messages());
        assertEquals(20, monitor.channelStats().stream().filter(s -> s.subscription().name().equals(prefix + "events:burst"))
                .findFirst().orElseThrow().messages(), "counted per channel too");
        List<MonitorMessage> recent = monitor.recent();
        assertEquals(23, recent.size());
        assertEquals("m19", recent.getFirst().payloadText(), "newest first");
    }

    @Test
    void theOverviewCountsSubscribersAndARemovedSubscriptionStopsReceiving() throws Exception {
        Subscription channel = Subscription.channel(prefix + "overview");
        monitor.add(channel);
        awaitActive(channel);
        PubSubOverview overview = monitor.overview(prefix + "*");
        assertEquals(List.of(new ChannelCount(channel.name(), 1)), overview.channels());
        assertTrue(overview.shardSupported());

        assertTrue(monitor.remove(channel));
        Await.until(WAIT, () -> monitor.overview(prefix + "*").channels().isEmpty(), () -> monitor.overview(prefix + "*").toString());
        assertEquals(0, monitor.publish(channel.name(), bytes("nobody"), false));
        assertTrue(monitor.subscriptions().isEmpty());
        Await.until(WAIT, () -> monitor.state().phase() == MonitorState.Phase.IDLE, () -> monitor.state().toString());
    }

    @Test
    void aKilledSubscriberConnectionIsOpenedAgainAndSubscribesAgain() throws Exception {
        Subscription channel = Subscription.channel(prefix + "resilient");
        monitor.add(channel);
        awaitActive(channel);
        try (Jedis admin = ClientFactory.redisConnection(SharedCluster.target(), WAIT)) {
            String killed = admin.clientList().lines().filter(l -> l.contains(" name=" + PubSubMonitor.CLIENT_NAME + " ")
                    && l.contains("sub=1")).findFirst().orElseThrow();
            admin.clientKill(killed.replaceFirst("^.*\\baddr=(\\S+).*$", "$1"));
        }
        Await.until(WAIT, () -> states.stream().anyMatch(s -> s.phase() == MonitorState.Phase.RECONNECTING), states::toString);
        assertTrue(states.stream().filter(s -> s.phase() == MonitorState.Phase.RECONNECTING).allMatch(s -> s.detail().startsWith("Redis")),
                "the reason names the service: " + states);
        Await.until(WAIT, () -> monitor.isActive(channel) && monitor.state().phase() == MonitorState.Phase.LISTENING, states::toString);
        monitor.publish(channel.name(), bytes("after"), false);
        assertEquals("after", next().payloadText());
    }

    @Test
    void theServerVersionComesFromInfoAndDecidesOnShardedPubSub() {
        assertTrue(new ServerVersion(7, 0, 15).hasShardedPubSub());
        assertFalse(ServerVersion.parseInfo("# Server\r\nredis_version:6.2.14\r\nredis_mode:standalone\r\n").hasShardedPubSub());
        assertEquals(new ServerVersion(7, 0, 15), ServerVersion.parseInfo(connection.redis().info("server")));
    }

    private void awaitActive(Subscription... subscriptions) {
        Await.until(WAIT, () -> List.of(subscriptions).stream().allMatch(monitor::isActive), () -> "active: "
                + List.of(subscriptions).stream().filter(monitor::isActive).toList() + ", state " + monitor.state());
    }

    private MonitorMessage next() throws InterruptedException {
        MonitorMessage message = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(message != null, "a message within " + WAIT);
        return message;
    }

    private SubscriptionStats statsOf(Subscription s) {
        return monitor.stats().stream().filter(x -> x.subscription().equals(s)).findFirst().orElseThrow();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
