package io.tessera.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.events.JobCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Cancel acknowledges the rest without running it; pause holds tasks unacknowledged until resume. */
class JobControlIT {

    @Test
    void cancelStopsTheTaskAtHandBetweenImagesAndSkipsTheRest() throws Exception {
        try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick().withHandlerThreads(1))) {
            d.dispatcher.submit("doomed", Task.batches("doomed", 0, Dispatching.images("d", 50), 5, "{}", Priority.NORMAL));
            CountDownLatch firstImageDone = new CountDownLatch(1);
            CountDownLatch cancelled = new CountDownLatch(1);
            AtomicInteger tasksRun = new AtomicInteger();
            d.consumer("w1", (task, control) -> {
                tasksRun.incrementAndGet();
                List<ImageOutcome> outcomes = new ArrayList<>();
                for (String image : task.images()) {
                    if (!control.proceed()) {
                        break;
                    }
                    outcomes.add(ImageOutcome.done(image, image + ".out", null));
                    firstImageDone.countDown();
                    cancelled.await(10, TimeUnit.SECONDS);
                    // flags are cached for a moment (controlCacheTtl): the next image sees the cancel once it is read again
                    Await.until(Dispatching.WAIT, control::isCancelled, () -> "the cancel never showed");
                }
                return outcomes;
            });
            assertTrue(firstImageDone.await(10, TimeUnit.SECONDS));
            assertTrue(d.dispatcher.cancel("doomed"));
            cancelled.countDown();

            JobStatus over = d.await("doomed", s -> s.counts().settled() == 10);
            assertEquals(JobState.CANCELLED, over.state());
            assertEquals(new JobCounts(10, 50, 0, 1, 0, 0, 0, 10), over.counts(), "one image ran, ten tasks acknowledged as cancelled");
            assertEquals(1, tasksRun.get(), "no task started after the cancel");
            assertEquals(0, d.dispatcher.depth().pending());
            assertFalse(d.dispatcher.resume("doomed"), "a cancelled job stays cancelled");
        }
    }

    @Test
    void pausedTasksAreHeldUnacknowledgedUntilResumed() {
        try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick())) {
            d.dispatcher.submit("napping", Task.batches("napping", 0, Dispatching.images("n", 8), 1, "{}", Priority.NORMAL));
            assertTrue(d.dispatcher.pause("napping"));
            AtomicInteger runs = new AtomicInteger();
            TaskConsumer consumer = d.consumer("w1", (task, control) -> {
                runs.incrementAndGet();
                return Dispatching.allDone(task);
            });

            Await.until(Dispatching.WAIT, () -> consumer.stats().parked() == 8, () -> consumer.stats().toString());
            assertEquals(0, runs.get());
            assertEquals(8, d.dispatcher.depth().pending(), "held, not acknowledged");
            assertEquals(JobState.PAUSED, d.status("napping").state());

            assertTrue(d.dispatcher.resume("napping"));
            JobStatus finished = d.await("napping", s -> s.state() == JobState.FINISHED);
            assertEquals(8, runs.get());
            assertEquals(new JobCounts(8, 8, 8, 8, 0, 0, 0, 0), finished.counts());
        }
    }
}
