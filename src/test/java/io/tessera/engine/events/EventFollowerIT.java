package io.tessera.engine.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClientFactory;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.testing.SharedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ClientKillParams;

/** The follower delivers every event once, in id order, across killed connections and bursts; a trim it cannot cover is reported. */
class EventFollowerIT {
    private final EventKeys keys = new EventKeys("follow-" + UUID.randomUUID().toString().substring(0, 8) + ":");
    private final Supplier<Jedis> connections = () -> ClientFactory.redisConnection(SharedCluster.target(), Duration.ofSeconds(5));
    private ClusterConnection connection;
    private RedisClient redis;

    @BeforeEach
    void connect() {
        connection = new ClusterConnection(SharedCluster.target());
        redis = connection.redis();
    }

    @AfterEach
    void cleanUp() {
        redis.del(keys.results());
        connection.close();
    }

    @Test
    void everyEventArrivesOnceInOrderWhileTheFollowersConnectionIsKilledMidJob() throws Exception {
        Recorder recorder = new Recorder();
        EventPublisher publisher = new EventPublisher(redis, keys, 100_000);
        List<String> published = new CopyOnWriteArrayList<>();
        try (EventFollower follower = EventFollower.fromTail(connections, redis, keys, 0, recorder)) {
            awaitTrue("live", () -> recorder.states.contains(FollowerState.LIVE));
            AtomicInteger kills = new AtomicInteger();
            // at least 4,000 events, and on until the follower's connection was killed twice meanwhile: on a quiet
            // machine 4,000 events can be out before the second kill (bounded: 30 s)
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Thread worker = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 4_000 || kills.get() < 2 && System.nanoTime() < until; i++) {
                    published.add(publisher.publish(image(i)));
                }
            });
            while (worker.isAlive() && kills.get() < 4) {
                Thread.sleep(150);
                if (kill(follower.clientName())) {
                    kills.incrementAndGet();
                }
            }
            worker.join();
            assertTrue(kills.get() >= 2, "the connection was killed while events were published (" + kills + " times)");
            awaitTrue("all delivered", () -> recorder.ids.size() >= published.size());
            Thread.sleep(200); // a duplicate would arrive now
            assertEquals(published, recorder.snapshot(), "each event once, in publish order");
            assertTrue(recorder.states.contains(FollowerState.RECONNECTING), recorder.states.toString());
            assertEquals(List.of(), recorder.gaps);
            assertEquals(published.getLast(), follower.position().lastId());
        }
        assertEquals(FollowerState.CLOSED, recorder.states.getLast());
    }

    @Test
    void aBurstOfFiftyThousandEventsIsDeliveredExactlyOnce() throws Exception {
        Recorder recorder = new Recorder();
        EventPublisher publisher = new EventPublisher(redis, keys, 100_000);
        try (EventFollower follower = EventFollower.fromTail(connections, redis, keys, 0, recorder)) {
            awaitTrue("live", () -> recorder.states.contains(FollowerState.LIVE));
            List<String> published = new ArrayList<>();
            for (int batch = 0; batch < 50; batch++) {
                int from = batch * 1_000;
                published.addAll(publisher.publishAll(IntStream.range(from, from + 1_000).mapToObj(EventFollowerIT::image).toList()));
            }
            awaitTrue("all delivered", () -> recorder.ids.size() >= 50_000);
            Thread.sleep(200);
            assertEquals(50_000, recorder.ids.size());
            assertEquals(published, recorder.snapshot());
        }
    }

    @Test
    void aTrimThatOvertookTheFollowerIsReportedWithTheNumberOfLostEvents() throws Exception {
        EventPublisher publisher = new EventPublisher(redis, keys, 100_000);
        Recorder first = new Recorder();
        FollowPosition position;
        List<String> before;
        try (EventFollower follower = EventFollower.fromTail(connections, redis, keys, 0, first)) {
            awaitTrue("live", () -> first.states.contains(FollowerState.LIVE));
            before = publisher.publishAll(IntStream.range(0, 10).mapToObj(EventFollowerIT::image).toList());
            awaitTrue("first ten", () -> first.ids.size() == 10);
            position = follower.position();
        }
        assertEquals(before.getLast(), position.lastId());

        List<String> whileAway = publisher.publishAll(IntStream.range(10, 1_010).mapToObj(EventFollowerIT::image).toList());
        redis.xtrim(keys.results(), 50, false);

        Recorder second = new Recorder();
        try (EventFollower follower = EventFollower.resume(connections, redis, keys, position, second)) {
            awaitTrue("caught up", () -> second.ids.size() == 50 && second.states.contains(FollowerState.LIVE));
            assertEquals(List.of(new EventGap(950, before.getLast(), whileAway.get(950))), second.gaps);
            assertEquals(whileAway.subList(950, 1_000), second.snapshot());
            assertEquals("Missed 950 events: the results stream no longer holds them", second.gaps.getFirst().describe());

            String next = publisher.publish(image(2_000));
            awaitTrue("live again", () -> second.ids.size() == 51);
            assertEquals(next, second.snapshot().getLast());
            assertEquals(1, second.gaps.size(), "one gap, reported once");
        }

        Recorder tail = new Recorder();
        try (EventFollower follower = EventFollower.fromTail(connections, redis, keys, 5, tail)) {
            awaitTrue("backlog", () -> tail.ids.size() == 5);
            List<String> newest = redis.xrevrange(keys.results(), "+", "-", 5).stream().map(e -> e.getID().toString()).toList();
            assertEquals(newest.reversed(), tail.snapshot(), "the newest five, oldest first");
        }
    }

    @Test
    void batchEntriesAreDeliveredEventByEventOnceLiveAndOnResume() throws Exception {
        LuaScript emitAll = LuaScript.load(EventPublisher.EMIT_LIBRARY, "/io/tessera/engine/events/emit-all.lua");
        EventPublisher publisher = new EventPublisher(redis, keys, 100_000);
        Recorder live = new Recorder();
        List<String> inputs = new ArrayList<>();
        FollowPosition position;
        try (EventFollower follower = EventFollower.fromTail(connections, redis, keys, 0, live)) {
            awaitTrue("live", () -> live.states.contains(FollowerState.LIVE));
            for (int batch = 0; batch < 3; batch++) {
                List<String> args = new ArrayList<>(List.of("100000", keys.channelPrefix(), "job-1"));
                for (int i = batch * 1_000; i < batch * 1_000 + 150; i++) { // 150 events: an entry of 100 and one of 50
                    args.add(EventJson.write(image(i)));
                    inputs.add("/in/" + i + ".jpg");
                }
                emitAll.run(redis, List.of(keys.results()), args);
                publisher.publish(image(batch * 1_000 + 999));
                inputs.add("/in/" + (batch * 1_000 + 999) + ".jpg");
            }
            awaitTrue("all delivered", () -> live.inputs.size() >= inputs.size());
            Thread.sleep(200); // a duplicate would arrive now
            assertEquals(inputs, live.inputSnapshot(), "each event of each batch once, in order");
            assertEquals(9, redis.xlen(keys.results()), "two batch entries and a lone event per round");
            position = follower.position();
        }
        assertEquals(9, position.ordinal(), "the position counts entries, not events");

        List<String> args = new ArrayList<>(List.of("100000", keys.channelPrefix(), "job-1", EventJson.write(image(5_000)), EventJson.write(image(5_001))));
        emitAll.run(redis, List.of(keys.results()), args);
        Recorder resumed = new Recorder();
        try (EventFollower follower = EventFollower.resume(connections, redis, keys, position, resumed)) {
            awaitTrue("caught up", () -> resumed.inputs.size() >= 2 && resumed.states.contains(FollowerState.LIVE));
            Thread.sleep(200);
            assertEquals(List.of("/in/5000.jpg", "/in/5001.jpg"), resumed.inputSnapshot(), "only what was recorded after the position");
            assertEquals(List.of(), resumed.gaps);
        }
        List<Event> replayed = new EventReplay(redis, keys).after(null, 100);
        assertEquals(inputs.size() + 2, replayed.size(), "a replay expands batch entries too");
    }

    private static Event image(int i) {
        return Event.imageDone("job-1", "w1", "/in/" + i + ".jpg", "/out/" + i + ".jpg", Map.of("millis", i));
    }

    /** Kills the follower's pub/sub connection by its client name; false when it is not connected right now. */
    private static boolean kill(String clientName) {
        try (Jedis admin = ClientFactory.redisConnection(SharedCluster.target(), Duration.ofSeconds(5))) {
            for (String line : admin.clientList().split("\n")) {
                if (line.contains(" name=" + clientName + " ") && line.contains("cmd=subscribe")) {
                    String id = line.substring(3, line.indexOf(' '));
                    return admin.clientKill(ClientKillParams.clientKillParams().id(id)) == 1;
                }
            }
            return false;
        }
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Keeps what the follower hands over; the follower calls it from one thread. */
    static final class Recorder implements FollowerListener {
        final List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<EventGap> gaps = new CopyOnWriteArrayList<>();
        final List<FollowerState> states = new CopyOnWriteArrayList<>();
        final List<String> inputs = java.util.Collections.synchronizedList(new ArrayList<>());

        List<String> inputSnapshot() {
            synchronized (inputs) {
                return List.copyOf(inputs);
            }
        }

        List<String> snapshot() {
            synchronized (ids) {
                return List.copyOf(ids);
            }
        }

        @Override
        public void onEvent(Event event) {
            ids.add(event.id());
            inputs.add(event.input());
        }

        @Override
        public void onGap(EventGap gap) {
            gaps.add(gap);
        }

        @Override
        public void onState(FollowerState state, String detail) {
            states.add(state);
        }
    }
}
