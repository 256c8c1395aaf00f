package io.tessera.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A job's progress moves per image while its tasks run, not a task (10–20 images) at a time; once a task settles
 * its images are in the counters and no longer reported as running, so nothing is counted twice. Each image's event
 * carries the time it was finished.
 */
class ProgressPerImageIT {

    @Test
    void progressMovesWithEachImageOfARunningTaskAndSettlesIntoTheCounters() throws Exception {
        try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick().withHandlerThreads(1))) {
            d.dispatcher.submit("steps", Task.batches("steps", 0, Dispatching.images("s", 20), 10, "{}", Priority.NORMAL));
            Semaphore next = new Semaphore(0);
            d.consumer("w1", imageByImage(next));

            // one image at a time, inside the first task of 10: each is seen before the task settles
            for (int finished = 1; finished <= 9; finished++) {
                next.release();
                int expected = finished;
                JobStatus now = d.await("steps", s -> s.processed() == expected);
                assertEquals(0, now.counts().tasksDone(), "the task has not settled: the figure is per image");
                assertEquals(0, now.counts().done() + now.counts().failed());
            }
            next.release(); // the 10th: the task settles
            JobStatus settled = d.await("steps", s -> s.counts().tasksDone() == 1);
            assertEquals(9, settled.counts().done());
            assertEquals(1, settled.counts().failed());
            assertEquals(0, settled.running(), "a settled task's images are in the counters, not running");
            assertEquals(10, settled.processed());
            // each image's event carries the time it was finished, not the task's: released one at a time, a flush
            // (250 ms) apart at least every other image, the ten span over a second
            List<Long> times = d.events().stream().filter(e -> e.type() == EventType.IMAGE_DONE
                    || e.type() == EventType.IMAGE_FAILED).map(Event::time).toList();
            assertEquals(10, times.size());
            for (int i = 1; i < times.size(); i++) {
                assertTrue(times.get(i) >= times.get(i - 1), "in the order they were made: " + times);
            }
            assertTrue(times.getLast() - times.getFirst() >= 1_000, "per image, not one time for the task: " + times);

            next.release(3); // the second task is under way
            JobStatus second = d.await("steps", s -> s.processed() == 13);
            assertEquals(10, second.counts().done() + second.counts().failed());
            assertEquals(3, second.running());

            next.release(7);
            JobStatus end = d.await("steps", JobStatus::settled);
            assertEquals(JobState.FINISHED, end.state());
            assertEquals(20, end.processed());
            assertEquals(0, end.running());
            assertTrue(d.redis.hkeys(d.keys.job("steps")).stream().noneMatch(f -> f.startsWith(JobStatus.RUNNING_FIELD)),
                    "no running field outlives its task");
        }
    }

    /** A handler that makes one image per permit (image 3 of each task fails), telling each as it finishes. */
    private static TaskHandler imageByImage(Semaphore next) {
        return (task, control) -> {
            List<ImageOutcome> outcomes = new ArrayList<>();
            for (String image : task.images()) {
                if (!next.tryAcquire(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test did not let image " + image + " go");
                }
                outcomes.add(image.endsWith("-3.jpg") ? ImageOutcome.failed(image, "bad") : ImageOutcome.done(image, image, java.util.Map.of()));
                control.imageFinished();
            }
            return outcomes;
        };
    }

    @Test
    void aCountArrivingAfterItsTaskSettledIsIgnored() {
        try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick())) {
            d.dispatcher.submit("late", Task.batches("late", 0, Dispatching.images("l", 4), 4, "{}", Priority.NORMAL));
            d.consumer("w1", (task, control) -> Dispatching.allDone(task));
            d.await("late", JobStatus::settled);
            // a slower copy of the same task on another worker reports its count after the first copy settled it
            DispatchScripts.PROGRESS.run(d.redis, List.of(d.keys.job("late"), d.keys.settled("late")), List.of("0-0", "3"));
            assertEquals(0, d.status("late").running());
            assertEquals(4, d.status("late").processed());
        }
    }
}
