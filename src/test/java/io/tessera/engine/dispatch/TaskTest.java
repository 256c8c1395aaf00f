package io.tessera.engine.dispatch;

import io.tessera.engine.connect.Backoff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTest {

    @Test
    void aShardIsCutIntoBatchesWithStableIds() {
        List<Task> tasks = Task.batches("job-1", 7, Dispatching.images("x", 25), 10, "{\"op\":\"thumbnail\"}", Priority.HIGH);
        assertEquals(List.of("7-0", "7-1", "7-2"), tasks.stream().map(Task::id).toList());
        assertEquals(List.of(10, 10, 5), tasks.stream().map(t -> t.images().size()).toList());
        assertTrue(tasks.stream().allMatch(t -> t.attempt() == 1 && t.lastError() == null));
    }

    @Test
    void tasksTravelAsCompactJsonWithTheirPipelineAsText() {
        Task task = new Task("job-1", "0-0", 0, List.of("/in/ü n.jpg"), "{\"ops\":[{\"op\":\"grayscale\"}]}", Priority.NORMAL, 2, "disk full");
        String json = task.toJson();
        assertTrue(!json.contains("\n") && json.contains("\"pipeline\":\"{\\\"ops\\\""), json);
        assertEquals(task, Task.fromJson(json));
    }

    @Test
    void badTasksAndJobIdsAreRefusedWithReasons() {
        assertThrows(IllegalArgumentException.class, () -> new Task("job-1", "0-0", 0, List.of(), "{}", Priority.NORMAL, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new Task("job-1", "0-0", 0, List.of("a"), "{}", Priority.NORMAL, 0, null));
        for (String bad : new String[] {"", "all", "a:b", "a b", "../x"}) {
            assertThrows(IllegalArgumentException.class, () -> DispatchKeys.checkJobId(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Task.fromJson("[1,2]"));
    }

    @Test
    void keysLiveUnderTheirPrefix() {
        DispatchKeys keys = DispatchKeys.DEFAULT;
        assertEquals("tessera:tasks:high", keys.tasks(Priority.HIGH));
        assertEquals("tessera:control:j1", keys.control("j1"));
        assertEquals("tessera:events:j1", keys.events().jobChannel("j1"));
        assertEquals("tessera:events", keys.events().results());
    }

    @Test
    void retryDelaysDoubleWithJitterUpToTheCapAndReconnectWaitsStayInBounds() {
        DispatchSettings settings = DispatchSettings.defaults().withRetries(5, Duration.ofMillis(100), Duration.ofMillis(300));
        for (int i = 0; i < 50; i++) {
            long first = settings.retryDelayMillis(1);
            long later = settings.retryDelayMillis(4);
            assertTrue(first >= 80 && first <= 120, "attempt 1: " + first);
            assertTrue(later >= 240 && later <= 360, "capped: " + later);
        }
        Backoff backoff = new Backoff(100, 1_000);
        long[] bounds = {50, 100, 100, 200, 200, 400, 400, 800, 500, 1_000, 500, 1_000};
        for (int i = 0; i < bounds.length; i += 2) {
            long wait = backoff.nextDelayMillis();
            assertTrue(wait >= bounds[i] && wait <= bounds[i + 1], "wait " + i / 2 + ": " + wait);
        }
        assertTrue(backoff.reset(), "a reset after failures ends an outage");
    }
}
