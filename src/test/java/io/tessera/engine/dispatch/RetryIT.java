package io.tessera.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventType;
import io.tessera.engine.events.JobCounts;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A task that fails as a whole comes back with backoff, goes to the dead letters after the last attempt, and can be requeued. */
class RetryIT {

    @Test
    void failingTaskIsRetriedWithBackoffThenDeadLetteredWithItsLastErrorThenRequeued() {
        try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick())) {
            d.dispatcher.submit("flaky", Task.batches("flaky", 0, Dispatching.images("f", 6), 2, "{}", Priority.NORMAL));
            AtomicBoolean storageDown = new AtomicBoolean(true);
            Map<Integer, Long> attemptStarted = new ConcurrentHashMap<>();
            List<Integer> attemptsOfBadTask = new CopyOnWriteArrayList<>();
            d.consumer("w1", (task, control) -> {
                if (task.id().equals("0-1") && storageDown.get()) {
                    attemptsOfBadTask.add(task.attempt());
                    attemptStarted.put(task.attempt(), System.nanoTime());
                    throw new IOException("HDFS unreachable on attempt " + task.attempt());
                }
                return Dispatching.allDone(task);
            });

            JobStatus finished = d.await("flaky", s -> s.state() == JobState.FINISHED);

            assertEquals(List.of(1, 2, 3), attemptsOfBadTask, "three attempts (maxAttempts), in order");
            long gapMillis = (attemptStarted.get(2) - attemptStarted.get(1)) / 1_000_000;
            assertTrue(gapMillis >= 40, "the 2nd attempt waited for the backoff (50 ms ± 20 %), not " + gapMillis + " ms");
            assertEquals(new JobCounts(3, 6, 2, 4, 0, 2, 1, 0), finished.counts());
            assertEquals(new ShardTally("flaky", 0, 0, 4, 0, 1, 0), d.dispatcher.shardTally("flaky", 0).orElseThrow());
            assertTrue(d.redis.ttl(d.keys.job("flaky")) > 0, "finished, with a dead letter: expires like any finished job");
            List<DeadLetter> dead = d.dispatcher.deadLetters("flaky");
            assertEquals(1, dead.size());
            assertEquals("HDFS unreachable on attempt 3", dead.getFirst().error());
            assertEquals("0-1", dead.getFirst().task().id());
            assertEquals(List.of(EventType.TASK_RETRY, EventType.TASK_RETRY, EventType.TASK_DEAD),
                    d.events().stream().map(Event::type).filter(t -> t == EventType.TASK_RETRY || t == EventType.TASK_DEAD).toList());

            storageDown.set(false);
            assertEquals(1, d.dispatcher.requeueDeadLetters("flaky"));
            assertEquals(0, d.dispatcher.requeueDeadLetters("flaky"), "a dead letter is requeued once");

            JobStatus again = d.await("flaky", s -> s.state() == JobState.FINISHED && s.counts().dead() == 0);
            assertEquals(new JobCounts(3, 6, 3, 6, 0, 2, 0, 0), again.counts());
            assertEquals(new ShardTally("flaky", 0, 0, 6, 0, 0, 0), d.dispatcher.shardTally("flaky", 0).orElseThrow(),
                    "the requeued task's shard was open again and is settled clean now");
            assertEquals(0, d.dispatcher.deadLetters("flaky").size());
        }
    }
}
