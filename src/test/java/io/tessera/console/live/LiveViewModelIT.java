package io.tessera.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.ManualUiThread;
import io.tessera.console.connection.ActiveConnection;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventPublisher;
import io.tessera.engine.live.LiveFeed;
import io.tessera.testing.SharedCluster;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The feed keeps the newest {@link LiveViewModel#HISTORY} rows and says how many it dropped; one pulse applies a whole burst. */
class LiveViewModelIT {

    @Test
    void aBurstBeyondTheHistoryKeepsTheNewestRowsAndCountsTheTrimmedOnes() throws Exception {
        String prefix = "livevm-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        ManualUiThread ui = new ManualUiThread();
        BackgroundTasks tasks = BackgroundTasks.sameThread(ui);
        try (ClusterConnection connection = new ClusterConnection(SharedCluster.target())) {
            LiveFeed feed = new LiveFeed(connection, prefix);
            try (LiveBackend backend = new LiveBackend(connection, feed)) {
                ActiveConnection active = new ActiveConnection(tasks);
                active.use(SharedCluster.target());
                LiveViewModel viewModel = new LiveViewModel(active, () -> backend, tasks, ui, path -> { }, System::currentTimeMillis);
                viewModel.setShown(true);
                pulseUntil(ui, () -> "Live".equals(viewModel.state().get()));

                EventPublisher publisher = new EventPublisher(connection.redis(), feed.keys(), 100_000);
                int total = LiveViewModel.HISTORY + 1_500;
                for (int from = 0; from < total; from += 1_000) {
                    publisher.publishAll(IntStream.range(from, Math.min(total, from + 1_000))
                            .mapToObj(i -> Event.imageDone("job-" + (i % 3), "w1", "/in/" + i + ".jpg", "/out/" + i + ".jpg", Map.of())).toList());
                }
                pulseUntil(ui, () -> viewModel.received().get() == total);

                assertEquals(LiveViewModel.HISTORY, viewModel.feed().size());
                assertEquals(1_500, viewModel.trimmed().get());
                assertEquals("/in/" + (total - 1) + ".jpg", viewModel.feed().getFirst().event().input(), "newest first");
                assertEquals("/in/1500.jpg", viewModel.feed().getLast().event().input(), "the oldest kept");
                assertEquals("1,500 older events trimmed (the feed keeps the newest 20,000)", viewModel.trimmedNotice());

                viewModel.jobFilter().set("job-1");
                assertTrue(viewModel.feed().stream().allMatch(r -> r.event().job().equals("job-1")));
                assertEquals(IntStream.range(1_500, total).filter(i -> i % 3 == 1).count(), viewModel.feed().size(), "filtered from the kept history");

                viewModel.clear();
                assertEquals(0, viewModel.feed().size());
                assertEquals("", viewModel.trimmedNotice());
                active.use(null);
                connection.redis().del(feed.keys().results());
            }
        } finally {
            tasks.shutdown();
        }
    }

    private static void pulseUntil(ManualUiThread ui, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            ui.pulse();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(100);
        }
    }
}
