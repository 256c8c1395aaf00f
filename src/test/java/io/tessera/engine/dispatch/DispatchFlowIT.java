package io.tessera.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventType;
import io.tessera.engine.events.JobCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;

/** Submit, consume, acknowledge against the real embedded Redis: counters exact, events recorded, priorities kept. */
class DispatchFlowIT {

    @Test
    void everyTaskIsCountedOnceAndTheJobFinishesWithExactCounters() {
        try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick())) {
            List<Task> tasks = new ArrayList<>(Task.batches("flow", 0, Dispatching.images("a", 25), 10, "{\"ops\":[]}", Priority.NORMAL));
            tasks.addAll(Task.batches("flow", 1, Dispatching.images("b", 25), 10, "{\"ops\":[]}", Priority.NORMAL));
            d.dispatcher.submit("flow", tasks);
            d.consumer("w1", (task, control) -> task.images().stream()
                    .map(i -> i.endsWith("img-3.jpg") ? ImageOutcome.failed(i, "corrupt JPEG") : ImageOutcome.done(i, i + ".out", Map.of("w", 10)))
                    .toList());

            JobStatus finished = d.await("flow", s -> s.state() == JobState.FINISHED);

            assertEquals(new JobCounts(6, 50, 6, 48, 2, 0, 0, 0), finished.counts());
            assertEquals(new ShardTally("flow", 0, 0, 24, 1, 0, 0), d.dispatcher.shardTally("flow", 0).orElseThrow());
            assertEquals(new ShardTally("flow", 1, 0, 24, 1, 0, 0), d.dispatcher.shardTally("flow", 1).orElseThrow());
            long week = Duration.ofDays(7).toSeconds();
            for (String key : List.of(d.keys.job("flow"), d.keys.settled("flow"), d.keys.shards("flow"))) {
                long ttl = d.redis.ttl(key);
                assertTrue(ttl > week - 60 && ttl <= week, "a finished job's keys expire after the default week: " + key + " " + ttl);
            }
            assertTrue(finished.started() != null && finished.finished() != null);
            QueueDepth depth = d.dispatcher.depth();
            assertEquals(new QueueDepth(0, 0, 0, 0, 0), depth, "acknowledged entries are deleted");
            Map<EventType, Long> byType = d.events().stream().collect(Collectors.groupingBy(Event::type, Collectors.counting()));
            // one PROGRESS per completion call: completions written in one batch share it
            Long progress = byType.remove(EventType.PROGRESS);
            assertTrue(progress == null || progress <= 5, "at most one PROGRESS per task before the last: " + progress);
            assertEquals(Map.of(EventType.JOB_STARTED, 1L, EventType.IMAGE_DONE, 48L, EventType.IMAGE_FAILED, 2L, EventType.JOB_FINISHED, 1L), byType);
            assertEquals(EventType.JOB_FINISHED, d.events().getLast().type());
            Event failure = d.events().stream().filter(e -> e.type() == EventType.IMAGE_FAILED).findFirst().orElseThrow();
            assertEquals("corrupt JPEG", failure.reason());
            assertEquals("w1", failure.worker());
        }
    }

    @Test
    void aFinishedJobsKeysGoAfterTheConfiguredTimeAndARunningJobsStay() {
        try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick().withFinishedJobTtl(Duration.ofSeconds(1)))) {
            d.dispatcher.submit("brief", Task.batches("brief", 0, Dispatching.images("b", 4), 2, "{}", Priority.NORMAL));
            d.dispatcher.submit("open", Task.batches("open", 0, Dispatching.images("o", 2), 2, "{}", Priority.NORMAL));
            d.dispatcher.pause("open");
            d.consumer("w1", (task, control) -> Dispatching.allDone(task));
            d.await("brief", s -> s.state() == JobState.FINISHED);
            Await.until(Dispatching.WAIT, () -> !d.redis.exists(d.keys.job("brief")) && !d.redis.exists(d.keys.settled("brief"))
                    && !d.redis.exists(d.keys.shards("brief")), () -> "brief's keys still there");
            assertEquals(-1, d.redis.ttl(d.keys.job("open")), "an unfinished job's hash never expires");
            assertEquals(-1, d.redis.ttl(d.keys.shards("open")));
        }
    }

    @Test
    void completingTheSameTaskTwiceCountsItOnce() {
        try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick())) {
            d.dispatcher.submit("twice", Task.batches("twice", 0, Dispatching.images("t", 4), 2, "{}", Priority.NORMAL));
            var read = d.redis.xreadGroup(DispatchKeys.GROUP, "raw", XReadGroupParams.xReadGroupParams().count(1),
                    Map.of(d.keys.tasks(Priority.NORMAL), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            var entry = read.getFirst().getValue().getFirst();
            Delivery delivery = new Delivery(Priority.NORMAL, entry.getID(), Task.fromJson(entry.getFields().get("task")));
            Completion completion = Completion.done(delivery, Dispatching.allDone(delivery.task()));
            CompletionCalls calls = new CompletionCalls(d.keys, d.settings, "raw");

            assertEquals(List.of(1L, List.of(0L, 1L, 2L, 0L, 0L, 0L)), complete(d, calls, completion),
                    "first completion counts: shard 0 has 1 task left, 2 images done");
            assertEquals(0L, complete(d, calls, completion), "a second delivery of the same task is a duplicate");

            JobCounts counts = d.status("twice").counts();
            assertEquals(1, counts.tasksDone());
            assertEquals(2, counts.done());
            assertEquals(JobState.RUNNING, d.status("twice").state());
            assertEquals(2, d.events().stream().filter(e -> e.type() == EventType.IMAGE_DONE).count(), "events recorded once");
        }
    }

    private static Object complete(Dispatching d, CompletionCalls calls, Completion completion) {
        try (AbstractPipeline pipeline = d.redis.pipelined()) {
            Response<Object> answer = calls.queue(pipeline, List.of(completion));
            pipeline.sync();
            return answer.get();
        } catch (redis.clients.jedis.exceptions.JedisNoScriptException first) {
            DispatchScripts.loadPipelined(d.redis);
            return complete(d, calls, completion);
        }
    }

    @Test
    void highPriorityTasksAreDrainedBeforeNormalOnes() {
        try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick().withHandlerThreads(1))) {
            d.dispatcher.submit("slow-lane", Task.batches("slow-lane", 0, Dispatching.images("n", 12), 1, "{}", Priority.NORMAL));
            d.dispatcher.submit("fast-lane", Task.batches("fast-lane", 0, Dispatching.images("h", 12), 1, "{}", Priority.HIGH));
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            d.consumer("w1", (task, control) -> {
                order.add(task.job());
                return Dispatching.allDone(task);
            });

            d.await("slow-lane", s -> s.state() == JobState.FINISHED);
            d.await("fast-lane", s -> s.state() == JobState.FINISHED);
            assertEquals(24, order.size());
            assertEquals(Collections.nCopies(12, "fast-lane"), order.subList(0, 12), order.toString());
        }
    }

    @Test
    void aJobIsSubmittedOnceAndOnlyWithItsOwnTasks() {
        try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick())) {
            List<Task> tasks = Task.batches("once", 0, Dispatching.images("o", 3), 3, "{}", Priority.NORMAL);
            d.dispatcher.submit("once", tasks);
            assertThrows(IllegalStateException.class, () -> d.dispatcher.submit("once", tasks));
            assertThrows(IllegalArgumentException.class, () -> d.dispatcher.submit("other", tasks));
            assertThrows(IllegalArgumentException.class, () -> d.dispatcher.submit("all", List.of()));
            assertThrows(IllegalArgumentException.class, () -> d.dispatcher.status("a:b"));
            assertEquals(1, d.redis.xlen(d.keys.tasks(Priority.NORMAL)), "the repeated submit added nothing");
            assertEquals(Map.of("once", 1L), d.events().stream().collect(Collectors.groupingBy(Event::job, Collectors.counting())));
        }
    }
}
