package io.tessera.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A job shows RUNNING as soon as a worker starts on its first task, not only when that task settles. */
class JobStartIT {

    @Test
    void aJobIsRunningWhileItsFirstTaskIsBeingHandled() throws Exception {
        try (Dispatching d = Dispatching.onSharedRedis(Dispatching.quick().withHandlerThreads(1))) {
            d.dispatcher.submit("slow", Task.batches("slow", 0, Dispatching.images("s", 4), 4, "{}", Priority.NORMAL));
            assertEquals(JobState.QUEUED, d.status("slow").state());
            assertNull(d.status("slow").started());

            CountDownLatch handling = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            d.consumer("w1", (task, control) -> {
                handling.countDown();
                release.await(20, TimeUnit.SECONDS);
                return Dispatching.allDone(task);
            });
            assertTrue(handling.await(10, TimeUnit.SECONDS), "the worker took the task");

            JobStatus during = d.status("slow");
            assertEquals(JobState.RUNNING, during.state(), "running while its only task is in hand");
            assertNotNull(during.started());
            assertEquals(0, during.counts().tasksDone());

            release.countDown();
            JobStatus end = d.await("slow", JobStatus::settled);
            assertEquals(JobState.FINISHED, end.state());
            assertEquals(during.started(), end.started(), "the start time is the moment work began");
        }
    }
}
