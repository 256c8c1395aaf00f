package io.tessera.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.events.JobCounts;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * Acknowledged task entries leave the stream: trimmed below the oldest pending entry, kept above it until a later trim
 * passes them (at most 10,000 of them; past that deleted). A pending entry is never removed, nor one not delivered yet,
 * and the queue depth counts only what waits and what runs.
 */
class AckedEntriesIT {

    @Test
    void whileAnOlderTaskRunsItsEntryStaysTheOlderOnesGoAndTheDepthCountsOnlyIt() throws Exception {
        try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick())) {
            CountDownLatch release = new CountDownLatch(1);
            d.dispatcher.submit("slow", Task.batches("slow", 0, Dispatching.images("s", 30), 1, "{}", Priority.NORMAL));
            d.consumer("w1", (task, control) -> {
                if (task.id().equals("0-5")) {
                    assertTrue(release.await(30, TimeUnit.SECONDS));
                }
                return Dispatching.allDone(task);
            });
            d.await("slow", s -> s.counts().tasksDone() == 29);
            String stream = d.keys.tasks(Priority.NORMAL);
            StreamEntry oldest = d.redis.xrange(stream, "-", "+", 1).getFirst();
            assertEquals("0-5", Task.fromJson(oldest.getFields().get("task")).id(), "the entries before the running one are gone");
            List<StreamPendingEntry> pending = d.redis.xpending(stream, DispatchKeys.GROUP, XPendingParams.xPendingParams().count(10));
            assertEquals(List.of(oldest.getID()), pending.stream().map(StreamPendingEntry::getID).toList(), "and it is still pending");
            QueueDepth depth = d.dispatcher.depth();
            assertEquals(1, depth.normal(), "finished entries the stream still keeps are not counted: " + depth);
            assertEquals(1, depth.pending());

            release.countDown();
            JobStatus done = d.await("slow", s -> s.state() == JobState.FINISHED);
            assertEquals(new JobCounts(30, 30, 30, 30, 0, 0, 0, 0), done.counts());
            assertEquals(0, d.redis.xlen(stream), "every entry gone once the oldest is acknowledged");
            assertEquals(0, d.dispatcher.depth().normal());
        }
    }

    @Test
    void behindATaskPendingForLongTheStreamKeepsAtMostTenThousandFinishedEntries() throws Exception {
        try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick().withHandlerThreads(2).withPrefetch(200))) {
            CountDownLatch release = new CountDownLatch(1);
            int tasks = 10_400;
            d.dispatcher.submit("long", Task.batches("long", 0, Dispatching.images("l", tasks), 1, "{}", Priority.NORMAL));
            d.consumer("w1", (task, control) -> {
                if (task.id().equals("0-0")) {
                    assertTrue(release.await(60, TimeUnit.SECONDS));
                }
                return Dispatching.allDone(task);
            });
            String stream = d.keys.tasks(Priority.NORMAL);
            d.await("long", s -> s.counts().tasksDone() == tasks - 1);
            long length = d.redis.xlen(stream);
            assertTrue(length <= 10_000 + 100 + 1, "finished entries kept past the cap are deleted: " + length);
            assertEquals("0-0", Task.fromJson(d.redis.xrange(stream, "-", "+", 1).getFirst().getFields().get("task")).id());
            assertEquals(1, d.dispatcher.depth().normal());

            release.countDown();
            d.await("long", s -> s.state() == JobState.FINISHED);
            assertEquals(0, d.redis.xlen(stream));
        }
    }

    @Test
    void entriesNotDeliveredYetAreNeverTrimmed() {
        // one task at a time: after each completion nothing is pending and the rest of the job is not delivered yet
        DispatchSettings oneAtATime = Dispatching.quick().withHandlerThreads(1).withPrefetch(0);
        try (Dispatching d = Dispatching.onSharedRedis(oneAtATime)) {
            d.dispatcher.submit("line", Task.batches("line", 0, Dispatching.images("l", 40), 1, "{}", Priority.NORMAL));
            String stream = d.keys.tasks(Priority.NORMAL);
            List<Long> surplus = new CopyOnWriteArrayList<>();
            d.consumer("w1", (task, control) -> {
                int n = Integer.parseInt(task.id().substring(2));
                // the entries of this task and the ones after it, no more (finished ones gone) and no fewer (none trimmed early)
                surplus.add(d.redis.xlen(stream) - (40 - n));
                return Dispatching.allDone(task);
            });
            JobStatus done = d.await("line", s -> s.state() == JobState.FINISHED);
            assertEquals(new JobCounts(40, 40, 40, 40, 0, 0, 0, 0), done.counts(), "every task ran: none was trimmed before delivery");
            assertEquals(40, surplus.size());
            assertEquals(List.of(0L), surplus.stream().distinct().toList(), "while task n ran, the stream held exactly it and the ones after it");
            assertEquals(0, d.redis.xlen(stream));
        }
    }
}
