package io.tessera.engine.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.events.JobCounts;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Redis goes away for a while mid-job: the consumer backs off, comes back, and the job completes with exact counters. */
class ReconnectIT {

    @Test
    void aConsumerRidesOutARedisRestartAndTheJobCompletesExactly() throws Exception {
        DispatchSettings settings = Dispatching.quick().withVisibilityTimeout(Duration.ofSeconds(2));
        try (PrivateRedis server = PrivateRedis.start(); Dispatching d = new Dispatching(server.target(), settings)) {
            d.dispatcher.submit("outage", Task.batches("outage", 0, Dispatching.images("o", 60), 1, "{}", Priority.NORMAL));
            AtomicInteger runs = new AtomicInteger();
            TaskConsumer consumer = d.consumer("w1", (task, control) -> {
                runs.incrementAndGet();
                Thread.sleep(15); // some work, so the outage lands mid-job
                return Dispatching.allDone(task);
            });
            d.await("outage", s -> s.counts().done() >= 10);

            server.stop();
            Await.until(Dispatching.WAIT, () -> consumer.stats().connectionFailures() >= 2, () -> consumer.stats().toString());
            server.resume();

            JobStatus finished = d.await("outage", s -> s.state() == JobState.FINISHED);
            assertEquals(new JobCounts(60, 60, 60, 60, 0, 0, 0, 0), finished.counts());
            assertTrue(runs.get() >= 60, "every task ran at least once: " + runs.get());
            assertEquals(0, d.dispatcher.depth().pending());
        }
    }
}
