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
 * Acknowledged task entries leave the stream (trimmed below the oldest pending entry, deleted above it), so the stream
 * holds what waits and what runs, never less: a pending entry older than finished ones stays, and entries not delivered
 * yet are never trimmed.
 */
class AckedEntriesIT {

    @Test
    void finishedEntriesLeaveTheStreamWhileAnOlderTaskStillRunsAndItsEntryStays() throws Exception {
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
            List<StreamEntry> left = d.redis.xrange(stream, "-", "+");
            assertEquals(1, left.size(), "only the running task's entry is left: " + left);
            assertEquals("0-5", Task.fromJson(left.getFirst().getFields().get("task")).id());
            List<StreamPendingEntry> pending = d.redis.xpending(stream, DispatchKeys.GROUP, XPendingParams.xPendingParams().count(10));
            assertEquals(List.of(left.getFirst().getID()), pending.stream().map(StreamPendingEntry::getID).toList(), "and it is still pending");

            release.countDown();
            JobStatus done = d.await("slow", s -> s.state() == JobState.FINISHED);
            assertEquals(new JobCounts(30, 30, 30, 30, 0, 0, 0, 0), done.counts());
            assertEquals(0, d.redis.xlen(stream), "every entry gone once acknowledged");
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
