package io.tessera.console.live;

import io.tessera.engine.services.ClusterServices;
import io.tessera.engine.audit.AuditTrail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.common.ManualUiThread;
import io.tessera.console.connection.ActiveConnection;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventJson;
import io.tessera.engine.events.EventPublisher;
import io.tessera.engine.events.EventType;
import io.tessera.engine.events.LuaScript;
import io.tessera.engine.live.LiveFeed;
import io.tessera.testing.SharedCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;

/**
 * The Live panel's view model on events published to the shared cluster's Redis: the newest {@link LiveViewModel#HISTORY}
 * rows kept with a count of those dropped, events applied on frames, rates that read steady, a queue depth without gaps.
 */
class LiveViewModelIT {
    private final String prefix = "livevm-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private final ManualUiThread ui = new ManualUiThread();
    private BackgroundTasks tasks;
    private ClusterConnection connection;
    private LiveFeed feed;
    private LiveBackend backend;
    private ActiveConnection active;
    private EventPublisher publisher;

    @BeforeEach
    void connect() {
        tasks = BackgroundTasks.sameThread(ui);
        connection = new ClusterConnection(SharedCluster.target());
        feed = new LiveFeed(connection, prefix);
        backend = new LiveBackend(new ClusterServices(connection, AuditTrail.NONE), feed);
        active = new ActiveConnection(tasks);
        active.use(SharedCluster.target());
        publisher = new EventPublisher(connection.redis(), feed.keys(), 100_000);
    }

    @AfterEach
    void close() {
        active.use(null);
        connection.redis().del(feed.keys().results(), prefix + "tasks:normal");
        backend.close();
        connection.close();
        tasks.shutdown();
    }

    private LiveViewModel following(LongSupplier clock) throws InterruptedException {
        LiveViewModel viewModel = new LiveViewModel(active, () -> backend, tasks, ui, path -> { }, clock);
        viewModel.setShown(true);
        pulseUntil(() -> "Live".equals(viewModel.state().get()));
        return viewModel;
    }

    @Test
    void aBurstBeyondTheHistoryKeepsTheNewestRowsAndCountsTheTrimmedOnes() throws Exception {
        LiveViewModel viewModel = following(System::currentTimeMillis);
        int total = LiveViewModel.HISTORY + 1_500;
        for (int from = 0; from < total; from += 1_000) {
            publisher.publishAll(IntStream.range(from, Math.min(total, from + 1_000))
                    .mapToObj(i -> Event.imageDone("job-" + (i % 3), "w1", "/in/" + i + ".jpg", "/out/" + i + ".jpg", Map.of())).toList());
        }
        pulseUntil(() -> viewModel.received().get() == total);

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
    }

    @Test
    void eventsAreAppliedOnTheNextFrameWithoutWaitingForAPulse() throws Exception {
        LiveViewModel viewModel = following(System::currentTimeMillis);
        publisher.publish(Event.imageDone("job-f", "w1", "/in/f.jpg", "/out/f.jpg", Map.of()));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (viewModel.feed().isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "not shown within 30 s");
            ui.frame(); // frames only: the 100 ms pulse never comes
            Thread.sleep(5);
        }
        assertEquals("/in/f.jpg", viewModel.feed().getFirst().event().input());
    }

    @Test
    void imageEventsRecordedAsBatchEntriesAreShownImageByImageInOrder() throws Exception {
        LiveViewModel viewModel = following(System::currentTimeMillis);
        // as complete.lua records a completion call's image events: 150 of them make an entry of 100 and one of 50
        LuaScript emitAll = LuaScript.load(EventPublisher.EMIT_LIBRARY, "/io/tessera/engine/events/emit-all.lua");
        List<String> args = new ArrayList<>(List.of("100000", feed.keys().channelPrefix(), "job-b"));
        for (int i = 0; i < 150; i++) {
            args.add(EventJson.write(Event.imageDone("job-b", "w1", "/in/b" + i + ".jpg", "/out/b" + i + ".jpg", Map.of())));
        }
        emitAll.run(connection.redis(), List.of(feed.keys().results()), args);
        pulseUntil(() -> viewModel.received().get() == 150);

        assertEquals(150, viewModel.feed().size());
        assertEquals(IntStream.range(0, 150).mapToObj(i -> "/in/b" + (149 - i) + ".jpg").toList(),
                viewModel.feed().stream().map(r -> r.event().input()).toList(), "every image once, newest first");
    }

    @Test
    void aSteadyStreamReportedTaskByTaskPlotsWithinTenPercentOfItsRate() throws Exception {
        long start = System.currentTimeMillis() - 60_000;
        AtomicLong clock = new AtomicLong(start);
        LiveViewModel viewModel = following(clock::get);
        // two workers, each finishing 6 images a second for a minute, reporting 10 at a time as each task settles (each
        // image's event with its own time); the panel's clock stands at each report as it arrives
        int received = 0;
        for (long task = start; task + 1_667 <= start + 60_000; task += 1_667) {
            List<Event> report = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long at = task + i * 1_000 / 6;
                for (String worker : List.of("w-a", "w-b")) {
                    report.add(new Event(null, EventType.IMAGE_DONE, "steady", worker, at, "/in/" + at + worker + ".jpg", "/out/" + at + worker + ".jpg",
                            Map.of(), null, null, null, null));
                }
            }
            publisher.publishAll(report);
            clock.set(task + 1_667);
            int expected = received += report.size();
            pulseUntil(() -> viewModel.received().get() == expected);
        }
        long now = clock.get();
        clock.set(now + 1_000); // the charts move on once a second
        ui.pulse();

        LiveViewModel.ChartLine job = viewModel.jobRates().getFirst();
        assertEquals("steady", job.name());
        assertWithinTenPercent(job.values(), 12.0, start, clock.get());
        for (LiveViewModel.ChartLine worker : viewModel.workerRates()) {
            assertWithinTenPercent(worker.values(), 6.0, start, clock.get());
        }
        assertEquals(List.of("w-a", "w-b"), viewModel.workerRates().stream().map(LiveViewModel.ChartLine::name).sorted().toList());
    }

    /** Every drawn point whose window lies inside the stream is within ±10 %; the points left out are only the newest few seconds. */
    private static void assertWithinTenPercent(double[] values, double rate, long start, long now) {
        long[] ends = ChartPoints.ends(now);
        int checked = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                assertTrue(now - ends[i] <= 4_000, "only the newest seconds wait for their reports: " + (now - ends[i]) + " ms ago");
            } else if (ends[i] - RateSeries.AVERAGE_SECONDS * 1000L >= start) {
                assertEquals(rate, values[i], rate * 0.1, "point " + (i - values.length + 1) + " s");
                checked++;
            }
        }
        assertTrue(checked >= 40, checked + " points checked");
    }

    @Test
    void theQueueDepthChartNeverDropsToZeroBetweenSamples() throws Exception {
        // a queue with 3 tasks, 2 of them delivered to a worker and not acknowledged: 1 waiting, 2 running
        String stream = new DispatchKeys(prefix).tasks(Priority.NORMAL);
        for (int i = 0; i < 3; i++) {
            connection.redis().xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("task", "{}"));
        }
        connection.redis().xgroupCreate(stream, DispatchKeys.GROUP, new StreamEntryID(), false);
        connection.redis().xreadGroup(DispatchKeys.GROUP, "w1", XReadGroupParams.xReadGroupParams().count(2), Map.of(stream, StreamEntryID.UNRECEIVED_ENTRY));

        LiveViewModel viewModel = following(System::currentTimeMillis);
        // redraws as the panel does them, once a second, for a few seconds after the first sample
        int[] redraws = {0};
        List<String> seen = new ArrayList<>();
        viewModel.chartRevision().addListener((obs, old, revision) -> {
            List<LiveViewModel.ChartLine> lines = viewModel.queueDepth();
            double[] running = lines.get(1).values();
            if (!Double.isNaN(running[running.length - 1])) {
                redraws[0]++;
            }
            seen.add(describe(lines.get(0)) + " / " + describe(lines.get(1)));
        });
        pulseUntil(() -> redraws[0] >= 4);
        for (String redraw : seen) {
            // unknown (NaN) until the first sample, then the depth at every second: never a 0
            assertTrue(redraw.matches("((NaN )*NaN|(NaN )*(1 )*1) / ((NaN )*NaN|(NaN )*(2 )*2)"),
                    "after the first sample every second reads the depth, the newest too: " + redraw);
        }
    }

    /** A line's values as text, e.g. "NaN NaN 2 2". */
    private static String describe(LiveViewModel.ChartLine line) {
        StringBuilder text = new StringBuilder();
        for (double v : line.values()) {
            text.append(text.isEmpty() ? "" : " ").append(Double.isNaN(v) ? "NaN" : Long.toString(Math.round(v)));
        }
        return text.toString();
    }

    private void pulseUntil(BooleanSupplier condition) throws InterruptedException {
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
