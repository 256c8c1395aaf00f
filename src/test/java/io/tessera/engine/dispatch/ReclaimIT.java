package io.tessera.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.events.JobCounts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;

/** Tasks held by a worker that stopped go to a live one after the visibility timeout; a slow live worker keeps its own. */
class ReclaimIT {
    private static final DispatchSettings SHORT_VISIBILITY = Dispatching.quick().withVisibilityTimeout(Duration.ofMillis(600));

    @Test
    void tasksOfAConsumerThatDiedAreReclaimedByALiveOneAndCountedAsAnotherAttempt() {
        try (Dispatching d = Dispatching.onSharedRedis(SHORT_VISIBILITY)) {
            d.dispatcher.submit("orphans", Task.batches("orphans", 0, Dispatching.images("o", 5), 1, "{}", Priority.NORMAL));
            // a worker reads three tasks and is never heard of again (kill -9): they stay pending under its name
            var held = d.redis.xreadGroup(DispatchKeys.GROUP, "dead-worker", XReadGroupParams.xReadGroupParams().count(3),
                    Map.of(d.keys.tasks(Priority.NORMAL), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            assertEquals(3, held.getFirst().getValue().size());
            Map<String, Integer> attempts = new ConcurrentHashMap<>();
            TaskConsumer live = d.consumer("live-worker", (task, control) -> {
                attempts.put(task.id(), task.attempt());
                return Dispatching.allDone(task);
            });

            JobStatus finished = d.await("orphans", s -> s.state() == JobState.FINISHED);

            assertEquals(new JobCounts(5, 5, 5, 5, 0, 0, 0, 0), finished.counts());
            assertEquals(3, attempts.values().stream().filter(a -> a == 2).count(), "reclaimed tasks run as attempt 2: " + attempts);
            assertEquals(2, attempts.values().stream().filter(a -> a == 1).count(), attempts.toString());
            assertEquals(3, live.stats().reclaimed());
            assertEquals(0, d.dispatcher.depth().pending());
        }
    }

    @Test
    void aTaskRunningLongerThanTheVisibilityTimeoutIsNotTakenFromItsLiveWorker() {
        try (Dispatching d = Dispatching.onSharedRedis(SHORT_VISIBILITY)) {
            d.dispatcher.submit("slow", Task.batches("slow", 0, Dispatching.images("s", 1), 1, "{}", Priority.NORMAL));
            AtomicInteger runs = new AtomicInteger();
            TaskHandler slow = (task, control) -> {
                runs.incrementAndGet();
                Thread.sleep(SHORT_VISIBILITY.visibilityTimeout().toMillis() * 3); // the work itself, not a wait for the test
                return Dispatching.allDone(task);
            };
            d.consumer("first", slow);
            Await.until(Dispatching.WAIT, () -> runs.get() == 1, () -> "the task did not start");
            d.consumer("second", slow);

            d.await("slow", s -> s.state() == JobState.FINISHED);
            assertEquals(1, runs.get(), "the live worker's lease kept the task");
            assertEquals(1, d.status("slow").counts().done());
        }
    }

    @Test
    void aTaskLostWithItsWorkerTooOftenIsDeadLettered() {
        DispatchSettings settings = SHORT_VISIBILITY.withRetries(2, Duration.ofMillis(50), Duration.ofMillis(100));
        try (Dispatching d = Dispatching.onSharedRedis(settings)) {
            d.dispatcher.submit("crashy", Task.batches("crashy", 0, Dispatching.images("c", 1), 1, "{}", Priority.NORMAL));
            // two workers take it in turn and both die with it: delivery 1 by read, delivery 2 by a claim
            String stream = d.keys.tasks(Priority.NORMAL);
            var first = d.redis.xreadGroup(DispatchKeys.GROUP, "dies-1", XReadGroupParams.xReadGroupParams().count(1),
                    Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY)).getFirst().getValue().getFirst();
            d.redis.xclaim(stream, DispatchKeys.GROUP, "dies-2", 0, redis.clients.jedis.params.XClaimParams.xClaimParams(), first.getID());
            AtomicInteger runs = new AtomicInteger();
            d.consumer("live", (task, control) -> {
                runs.incrementAndGet();
                return Dispatching.allDone(task);
            });

            JobStatus finished = d.await("crashy", s -> s.state() == JobState.FINISHED);
            assertEquals(0, runs.get(), "a third delivery is past the 2 attempts allowed");
            assertEquals(1, finished.counts().dead());
            List<DeadLetter> dead = d.dispatcher.deadLetters("crashy");
            assertEquals(1, dead.size());
            assertTrue(dead.getFirst().error().contains("stopped answering"), dead.getFirst().error());
        }
    }
}
