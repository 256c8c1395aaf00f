package io.tessera.engine.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.testing.SharedCluster;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/** An event goes to the results stream and to its channels with the stream id as its id; the stream stays capped. */
class EventPublisherIT {

    @Test
    void aPublishedEventArrivesOnTheJobAndGlobalChannelsWithItsStreamId() throws Exception {
        EventKeys keys = new EventKeys("ev-" + UUID.randomUUID().toString().substring(0, 8) + ":");
        try (ClusterConnection connection = new ClusterConnection(SharedCluster.target())) {
            RedisClient redis = connection.redis();
            BlockingQueue<String> messages = new LinkedBlockingQueue<>();
            CountDownLatch subscribed = new CountDownLatch(2);
            JedisPubSub listener = new JedisPubSub() {
                @Override
                public void onSubscribe(String channel, int count) {
                    subscribed.countDown();
                }

                @Override
                public void onMessage(String channel, String message) {
                    messages.add(channel + " " + message);
                }
            };
            Thread.ofPlatform().daemon().start(() -> redis.subscribe(listener, keys.jobChannel("job-1"), keys.allChannel()));
            assertTrue(subscribed.await(10, TimeUnit.SECONDS));

            EventPublisher publisher = new EventPublisher(redis, keys, 1_000);
            String id = publisher.publish(Event.imageDone("job-1", "w9", "/in/a.jpg", "/out/a.jpg", java.util.Map.of("width", 256)));
            String workerId = publisher.publish(Event.worker(EventType.WORKER_JOINED, "w9"));

            List<String> got = List.of(poll(messages), poll(messages), poll(messages));
            listener.unsubscribe();
            String onJobChannel = got.stream().filter(m -> m.startsWith(keys.jobChannel("job-1") + " ")).findFirst().orElseThrow()
                    .substring(keys.jobChannel("job-1").length() + 1);
            assertTrue(onJobChannel.startsWith("{\"id\":\"" + id + "\","), onJobChannel);
            assertEquals(2, got.stream().filter(m -> m.startsWith(keys.allChannel() + " ")).count(), "both events on the global channel");
            Event onAll = EventJson.read(got.stream().filter(m -> m.startsWith(keys.allChannel()) && m.contains("IMAGE_DONE")).findFirst()
                    .orElseThrow().substring(keys.allChannel().length() + 1));
            assertEquals(EventJson.read(onJobChannel), onAll);
            assertEquals(256, onAll.metrics().get("width"));

            List<Event> replayed = new EventReplay(redis, keys).after(null, 10);
            assertEquals(List.of(id, workerId), replayed.stream().map(Event::id).toList());
            assertEquals(onAll, replayed.getFirst(), "the channel copy and the record are the same event");
            assertEquals(workerId, new EventReplay(redis, keys).latestId().orElseThrow());
            assertEquals(List.of(workerId), new EventReplay(redis, keys).after(id, 10).stream().map(Event::id).toList());
            redis.del(keys.results());
        }
    }

    private static String poll(BlockingQueue<String> messages) throws InterruptedException {
        String message = messages.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message within 10 s");
        }
        return message;
    }
}
