package io.tessera.cli;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.console.connection.ActiveConnection;
import io.tessera.console.live.LiveBackend;
import io.tessera.console.live.LiveRow;
import io.tessera.console.live.LiveViewModel;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.events.EventKeys;
import io.tessera.engine.live.EventLoad;
import io.tessera.engine.live.Latencies;
import io.tessera.engine.live.LiveFeed;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `tessera bench events`: events published at a sustained rate through the workers' publish script, read by a
 * plain pub/sub subscriber (baseline) and then by the gap-free follower feeding the Live panel's view model on a
 * 100 ms pulse (headless: the view model and its pulse exactly as the panel drives them, without rendering).
 * Visible = applied to the feed list on a pulse.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Live events at a sustained rate: PUBLISH to visible in the Live panel's view model, against a raw subscriber in the same run.")
final class BenchEvents implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--profile"}, description = "Profile to measure (default: a private embedded cluster started for the run).")
    String profileName;

    @Option(names = "--rate", defaultValue = "5000", description = "Events per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--seconds", defaultValue = "20", description = "How long each reader is measured (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "3", description = "Seconds of each reader run first and not counted (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String run = "bench-events-" + UUID.randomUUID().toString().substring(0, 8);
        Duration duration = Duration.ofSeconds(seconds);
        try (BenchTarget bench = BenchTarget.open(profileName, "events", out); ClusterConnection connection = new ClusterConnection(bench.target())) {
            out.printf(Locale.ROOT, "%,d events/s for %d s per reader (keys under %s*)%n", rate, seconds, run);
            out.flush();
            out.printf(Locale.ROOT, "warming up: %d s of each reader, not counted%n", warmup);
            out.flush();
            measureRaw(connection, run + "-warm-raw:", Duration.ofSeconds(warmup));
            runPanel(bench, connection, new LiveFeed(connection, run + "-warm-live:"), Duration.ofSeconds(warmup));
            RawRun rawRun = measureRaw(connection, run + "-raw:", duration);
            EventLoad.Published[] rawLoad = {rawRun.published};
            EventLoad.Received raw = rawRun.received;
            PanelRun panel = runPanel(bench, connection, new LiveFeed(connection, run + "-live:"), duration);

            out.println();
            out.println("reader                         published   delivered   delivered/s   latency (PUBLISH → received / visible)");
            out.printf(Locale.ROOT, "raw pub/sub subscriber         %,9d   %,9d   %,11.0f   %s%n", rawLoad[0].events(), raw.events(), raw.rate(), raw.latencies().summary());
            out.printf(Locale.ROOT, "follower → Live view model     %,9d   %,9d   %,11.0f   %s%n", panel.published.events(), panel.delivered, panel.rate(), panel.visible.summary());
            out.printf(Locale.ROOT, "UI thread per pulse (%d pulses), wall: %s; CPU: %s; at most %,d events in one pulse%n",
                    panel.pulses.count(), panel.pulses.summary(), panel.pulseCpu.summary(), panel.mostPerPulse);
            out.printf(Locale.ROOT, "ratios: p50 visible / p50 raw %.1f×, p99 visible / p99 raw %.1f×; delivered rate / raw %.2f; target PUBLISH→visible < 250 ms: %s%n",
                    panel.visible.percentileMillis(50) / Math.max(0.001, raw.latencies().percentileMillis(50)),
                    panel.visible.percentileMillis(99) / Math.max(0.001, raw.latencies().percentileMillis(99)),
                    panel.rate() / raw.rate(), panel.visible.percentileMillis(99) < 250 ? "met (p99)" : "MISSED (p99)");
        }
        return 0;
    }

    private record RawRun(EventLoad.Published published, EventLoad.Received received) { }

    private RawRun measureRaw(ClusterConnection connection, String prefix, Duration duration) throws InterruptedException {
        EventKeys keys = new EventKeys(prefix);
        EventLoad.Published[] load = new EventLoad.Published[1];
        EventLoad.Received received = EventLoad.rawSubscriber(connection, keys, () -> load[0] = EventLoad.publish(connection, keys, rate, duration, 8, 4));
        EventLoad.remove(connection, keys);
        return new RawRun(load[0], received);
    }

    private record PanelRun(EventLoad.Published published, long delivered, double seconds, Latencies visible, Latencies pulses, Latencies pulseCpu, int mostPerPulse) {
        double rate() {
            return delivered / seconds;
        }
    }

    private PanelRun runPanel(BenchTarget bench, ClusterConnection connection, LiveFeed feed, Duration duration) throws Exception {
        try (BenchUiThread ui = new BenchUiThread(); LiveBackend backend = new LiveBackend(connection, feed)) {
            BackgroundTasks tasks = BackgroundTasks.daemonThreads(ui);
            ActiveConnection active = new ActiveConnection(tasks);
            ui.call(() -> {
                active.use(bench.target());
                return null;
            });
            LiveViewModel viewModel = ui.call(() -> new LiveViewModel(active, () -> backend, tasks, ui, path -> { }, System::currentTimeMillis));
            // what the view does once a second: read the chart lines
            viewModel.chartRevision().addListener((obs, old, now) -> List.of(viewModel.jobRates(), viewModel.workerRates(), viewModel.errorRate(), viewModel.queueDepth()));
            Latencies visible = new Latencies();
            long[] lastSeq = {0};
            long[] firstLast = {0, 0};
            int[] most = {0};
            ui.afterPulse(() -> {
                long now = System.nanoTime();
                int fresh = 0;
                for (LiveRow row : viewModel.feed()) {
                    if (row.seq() <= lastSeq[0]) {
                        break;
                    }
                    long sent = EventLoad.sentNanos(row.event());
                    if (sent > 0) {
                        visible.add(now - sent);
                    }
                    fresh++;
                }
                if (fresh > 0) {
                    lastSeq[0] = viewModel.feed().getFirst().seq();
                    firstLast[0] = firstLast[0] == 0 ? now : firstLast[0];
                    firstLast[1] = now;
                    most[0] = Math.max(most[0], fresh);
                }
            });
            ui.call(() -> {
                viewModel.setShown(true);
                return null;
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!"Live".equals(ui.call(() -> viewModel.state().get()))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the follower did not go live within 30 s: " + ui.call(() -> viewModel.state().get()));
                }
                Thread.sleep(50);
            }
            EventLoad.Published published = EventLoad.publish(connection, feed.keys(), rate, duration, 8, 4);
            long waitUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (ui.call(() -> viewModel.received().get()) < published.events() && System.nanoTime() < waitUntil) {
                Thread.sleep(50);
            }
            Thread.sleep(250);
            long delivered = ui.call(() -> viewModel.received().get());
            ui.call(() -> {
                active.use(null);
                return null;
            });
            tasks.shutdown();
            EventLoad.remove(connection, feed.keys());
            return new PanelRun(published, delivered, Math.max(1e-9, (firstLast[1] - firstLast[0]) / 1e9), visible, ui.pulseTimes(), ui.pulseCpu(), most[0]);
        }
    }
}
