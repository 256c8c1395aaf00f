package io.tessera.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventJson;
import io.tessera.engine.events.EventReplay;
import io.tessera.engine.events.EventType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPubSub;

/** What the completion script publishes on a job's channel is exactly what it records in the results stream, ids included. */
class EventsOfAJobIT {

    @Test
    void publishedEventsMatchTheResultsStreamOneForOne() throws Exception {
        try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick())) {
            List<Event> heard = new CopyOnWriteArrayList<>();
            CountDownLatch subscribed = new CountDownLatch(1);
            JedisPubSub listener = new JedisPubSub() {
                @Override
                public void onSubscribe(String channel, int count) {
                    subscribed.countDown();
                }

                @Override
                public void onMessage(String channel, String message) {
                    heard.addAll(EventJson.readAll(message, null));
                }
            };
            Thread subscriber = Thread.ofPlatform().daemon().start(() -> d.redis.subscribe(listener, d.keys.events().jobChannel("live")));
            assertTrue(subscribed.await(10, TimeUnit.SECONDS));

            d.dispatcher.submit("live", Task.batches("live", 0, Dispatching.images("l", 6), 3, "{}", Priority.NORMAL));
            d.consumer("w1", (task, control) -> Dispatching.allDone(task));
            d.await("live", s -> s.state() == JobState.FINISHED);
            Await.until(Dispatching.WAIT, () -> !heard.isEmpty() && heard.getLast().type() == EventType.JOB_FINISHED, heard::toString);
            listener.unsubscribe();
            subscriber.join(5_000);

            List<Event> recorded = new EventReplay(d.redis, d.keys.events()).after(null, 1_000);
            assertEquals(recorded, heard, "same events, same ids, same order");
            // one PROGRESS per completion call, so how many depends on batching; the rest is fixed
            assertEquals(List.of(EventType.JOB_STARTED, EventType.IMAGE_DONE, EventType.IMAGE_DONE, EventType.IMAGE_DONE,
                    EventType.IMAGE_DONE, EventType.IMAGE_DONE, EventType.IMAGE_DONE, EventType.JOB_FINISHED),
                    recorded.stream().map(Event::type).filter(t -> t != EventType.PROGRESS).toList());
            Event finished = recorded.getLast();
            assertEquals(6, finished.counts().done());
            assertEquals("FINISHED", finished.state());
            for (int i = 1; i < recorded.size(); i++) {
                // the image events of one completion call share one entry (a batch), so one id
                boolean sameBatch = recorded.get(i - 1).type() == EventType.IMAGE_DONE && recorded.get(i).type() == EventType.IMAGE_DONE;
                int order = EventReplay.compareIds(recorded.get(i - 1).id(), recorded.get(i).id());
                assertTrue(sameBatch ? order <= 0 : order < 0, "ids grow");
            }
            List<Event> afterFirst = new EventReplay(d.redis, d.keys.events()).after(recorded.getFirst().id(), 1_000);
            assertEquals(recorded.subList(1, recorded.size()), afterFirst, "replay after an id: the rest, nothing twice");
            String lastImages = recorded.stream().filter(e -> e.type() == EventType.IMAGE_DONE).toList().getLast().id();
            assertEquals(recorded.stream().filter(e -> EventReplay.compareIds(e.id(), lastImages) > 0).toList(),
                    new EventReplay(d.redis, d.keys.events()).after(lastImages, 1_000), "after a batch entry: nothing of it again");
        }
    }
}
