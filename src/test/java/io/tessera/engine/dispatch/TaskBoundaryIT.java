package io.tessera.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventType;
import io.tessera.engine.events.JobCounts;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * Whatever a handler throws, nothing is stranded: the task fails with a reason and is retried, its slot and lease go
 * back; an error that leaves the process unsound is reported once; an abandoning consumer hands its tasks back.
 */
class TaskBoundaryIT {

    @Test
    void anErrorThatIsNeitherOutOfMemoryNorStackOverflowFailsItsTaskWhichIsRetriedAndNothingIsStranded() {
        for (Error expected : List.of(new AssertionError("boom"), new NoClassDefFoundError("x/Missing"), new ExceptionInInitializerError("static init failed"))) {
            try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick())) {
                List<Throwable> fatal = runThrowingOnce(d, expected);

                Event retry = d.events().stream().filter(e -> e.type() == EventType.TASK_RETRY).findFirst().orElseThrow();
                assertEquals(TaskFaults.reason(expected), retry.reason());
                assertTrue(retry.reason().startsWith("unexpected " + expected.getClass().getSimpleName()), retry.reason());
                assertEquals(List.of(), fatal, "not an error that leaves the process unsound");
            }
        }
    }

    @Test
    void anOutOfMemoryErrorFailsItsTaskWithTheReasonIsReportedOnceAndTheTaskIsRetried() {
        try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick())) {
            List<Throwable> fatal = runThrowingOnce(d, new OutOfMemoryError("Java heap space"));

            assertEquals("the worker ran out of memory (Java heap space) during this task",
                    d.events().stream().filter(e -> e.type() == EventType.TASK_RETRY).findFirst().orElseThrow().reason());
            assertEquals(1, fatal.size());
            assertInstanceOf(OutOfMemoryError.class, fatal.getFirst());
        }
    }

    /**
     * A job of 3 tasks whose second throws {@code error} on its first attempt: it finishes with that task retried once
     * and nothing stranded. Returns the errors the consumer reported as fatal.
     */
    private static List<Throwable> runThrowingOnce(Dispatching d, Error error) {
        List<Throwable> fatal = new CopyOnWriteArrayList<>();
        AtomicBoolean thrown = new AtomicBoolean();
        TaskConsumer consumer = d.consumer("w1", (task, control) -> {
            if (task.id().equals("0-1") && !thrown.getAndSet(true)) {
                throw error;
            }
            return Dispatching.allDone(task);
        }, new TaskListener() {
            @Override
            public void fatal(Throwable e) {
                fatal.add(e);
            }
        }, d.settings);
        d.dispatcher.submit("e", Task.batches("e", 0, Dispatching.images("e", 6), 2, "{}", Priority.NORMAL));

        JobStatus finished = d.await("e", s -> s.state() == JobState.FINISHED);

        assertEquals(new JobCounts(3, 6, 3, 6, 0, 1, 0, 0), finished.counts(), error.toString());
        assertNothingStranded(d, consumer);
        return fatal;
    }

    @Test
    void anAbandoningConsumerHandsItsTasksBackSoAnotherTakesThemAtOnceWithoutCountingARetry() throws Exception {
        // both consumers wait out a whole minute before reclaiming an entry whose consumer went quiet
        DispatchSettings slowReclaim = Dispatching.quick().withVisibilityTimeout(Duration.ofSeconds(60)).withHandlerThreads(2).withPrefetch(4);
        try (Dispatching d = Dispatching.onSharedRedis(slowReclaim)) {
            CountDownLatch running = new CountDownLatch(2);
            CountDownLatch never = new CountDownLatch(1);
            List<String> runBySecond = new CopyOnWriteArrayList<>();
            TaskConsumer first = d.consumer("first", (task, control) -> {
                running.countDown();
                never.await(); // stuck until interrupted
                return Dispatching.allDone(task);
            }, TaskListener.NONE, slowReclaim);
            d.dispatcher.submit("h", Task.batches("h", 0, Dispatching.images("h", 12), 2, "{}", Priority.NORMAL));
            assertTrue(running.await(20, TimeUnit.SECONDS));
            Await.until(Dispatching.WAIT, () -> first.stats().inFlight() == 6, () -> first.stats().toString());

            assertEquals(6, first.abandon(Duration.ofSeconds(10)), "every task it held: 2 running, 4 read ahead");

            List<StreamPendingEntry> pending = d.redis.xpending(d.keys.tasks(Priority.NORMAL), DispatchKeys.GROUP,
                    XPendingParams.xPendingParams().count(100));
            assertEquals(6, pending.size());
            assertTrue(pending.stream().allMatch(p -> p.getIdleTime() >= Duration.ofHours(23).toMillis()),
                    "handed back: marked idle past any visibility timeout");
            d.consumer("second", (task, control) -> {
                runBySecond.add(task.id());
                return Dispatching.allDone(task);
            }, TaskListener.NONE, slowReclaim);

            JobStatus finished = d.await("h", s -> s.state() == JobState.FINISHED); // well within one visibility timeout
            assertEquals(new JobCounts(6, 12, 6, 12, 0, 0, 0, 0), finished.counts(), "running tasks interrupted by the hand-back were not failed");
            assertEquals(6, runBySecond.size());
            assertTrue(d.events().stream().noneMatch(e -> e.type() == EventType.TASK_RETRY || e.type() == EventType.TASK_DEAD));
        }
    }

    private static void assertNothingStranded(Dispatching d, TaskConsumer consumer) {
        Await.until(Dispatching.WAIT, () -> consumer.stats().inFlight() == 0, () -> consumer.stats().toString());
        assertEquals(0, d.redis.xpending(d.keys.tasks(Priority.NORMAL), DispatchKeys.GROUP).getTotal(), "no entry left pending");
        assertEquals(0, d.redis.zcard(d.keys.retry()));
    }
}
