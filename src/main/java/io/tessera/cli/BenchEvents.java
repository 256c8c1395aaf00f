package io.tessera.cli;

import io.tessera.engine.audit.AuditTrail;
import io.tessera.engine.services.ClusterServices;
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
 * plain pub/sub subscriber (baseline) and then by the gap-free follower feeding the Live panel's view model, twice:
 * applied on a 100 ms pulse as the panel did before ("pulse"), and on every 60 Hz frame as it does now ("frame";
 * headless: the view model and its pulse and frames exactly as the panel drives them, without rendering).
 * Visible = applied to the feed list. Reports latency percentiles and the UI thread's CPU per second for each.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Live events at a sustained rate: PUBLISH to visible in the Live panel's view model (applied on a 100 ms pulse, "
                + "as before, and on every frame), against a raw subscriber in the same run, with the UI thread's CPU per second.")
final class BenchEvents implements Callable<Integer> {
    /** Targets of issue 15, item 4. */
    static final double TARGET_P99_MILLIS = 50;

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
        Duration pulse = Duration.ofMillis(100);
        try (BenchTarget bench = BenchTarget.open(profileName, "events", out); ClusterConnection connection = new ClusterConnection(bench.target())) {
            out.printf(Locale.ROOT, "%,d events/s for %d s per reader (keys under %s*)%n", rate, seconds, run);
            out.printf(Locale.ROOT, "warming up: %d s of each reader, not counted%n", warmup);
            out.flush();
            measureRaw(connection, run + "-warm-raw:", Duration.ofSeconds(warmup));
            runPanel(bench, connection, new LiveFeed(connection, run + "-warm-pulse:"), Duration.ofSeconds(warmup), pulse);
            runPanel(bench, connection, new LiveFeed(connection, run + "-warm-frame:"), Duration.ofSeconds(warmup), BenchUiThread.FRAME_60_HZ);
            RawRun raw = measureRaw(connection, run + "-raw:", duration);
            PanelRun before = runPanel(bench, connection, new LiveFeed(connection, run + "-pulse:"), duration, pulse);
            PanelRun after = runPanel(bench, connection, new LiveFeed(connection, run + "-frame:"), duration, BenchUiThread.FRAME_60_HZ);

            out.println();
            out.println("reader                                   published   delivered   delivered/s   latency (PUBLISH → received / visible)");
            out.printf(Locale.ROOT, "raw pub/sub subscriber                   %,9d   %,9d   %,11.0f   %s%n",
                    raw.published.events(), raw.received.events(), raw.received.rate(), raw.received.latencies().summary());
            row(out, "follower → view model, 100 ms pulse", before);
            row(out, "follower → view model, every frame", after);
            ui(out, "100 ms pulse", before);
            ui(out, "every frame ", after);
            double rawP50 = Math.max(0.001, raw.received.latencies().percentileMillis(50));
            double rawP99 = Math.max(0.001, raw.received.latencies().percentileMillis(99));
            out.printf(Locale.ROOT, "ratios: p50 visible / raw: pulse %.1f×, frame %.1f×; p99 visible / raw: pulse %.1f×, frame %.1f×; "
                            + "frame / pulse: p99 %.2f, UI CPU per second %.2f; delivered rate / raw: pulse %.2f, frame %.2f%n",
                    before.visible.percentileMillis(50) / rawP50, after.visible.percentileMillis(50) / rawP50,
                    before.visible.percentileMillis(99) / rawP99, after.visible.percentileMillis(99) / rawP99,
                    after.visible.percentileMillis(99) / Math.max(0.001, before.visible.percentileMillis(99)),
                    after.cpuPerSecond / Math.max(1e-9, before.cpuPerSecond), before.rate() / raw.received.rate(), after.rate() / raw.received.rate());
            out.printf(Locale.ROOT, "targets (every frame): p99 PUBLISH→visible < %.0f ms: %s (%.1f ms); UI CPU per second no more than the pulse's: %s (%.1f vs %.1f ms/s)%n",
                    TARGET_P99_MILLIS, after.visible.percentileMillis(99) < TARGET_P99_MILLIS ? "met" : "MISSED", after.visible.percentileMillis(99),
                    after.cpuPerSecond <= before.cpuPerSecond ? "met" : "MISSED", after.cpuPerSecond, before.cpuPerSecond);
        }
        return 0;
    }

    private static void row(PrintWriter out, String name, PanelRun run) {
        out.printf(Locale.ROOT, "%-40s %,9d   %,9d   %,11.0f   %s%n", name, run.published.events(), run.delivered, run.rate(), run.visible.summary());
    }

    private static void ui(PrintWriter out, String name, PanelRun run) {
        out.printf(Locale.ROOT, "UI thread, %s: CPU %.1f ms per second; per pulse or frame (%,d): wall %s; CPU %s; at most %,d events made visible at once%n",
                name, run.cpuPerSecond, run.runs.count(), run.runs.summary(), run.runCpu.summary(), run.mostAtOnce);
    }

    private record RawRun(EventLoad.Published published, EventLoad.Received received) { }

    private RawRun measureRaw(ClusterConnection connection, String prefix, Duration duration) throws InterruptedException {
        EventKeys keys = new EventKeys(prefix);
        EventLoad.Published[] load = new EventLoad.Published[1];
        EventLoad.Received received = EventLoad.rawSubscriber(connection, keys, () -> load[0] = EventLoad.publish(connection, keys, rate, duration, 8, 4));
        EventLoad.remove(connection, keys);
        return new RawRun(load[0], received);
    }

    private record PanelRun(EventLoad.Published published, long delivered, double seconds, Latencies visible, Latencies runs, Latencies runCpu,
                            double cpuPerSecond, int mostAtOnce) {
        double rate() {
            return delivered / seconds;
        }
    }

    /** @param frame how often the view model's frame feed is applied: 100 ms as the pulse did, or 60 Hz */
    private PanelRun runPanel(BenchTarget bench, ClusterConnection connection, LiveFeed feed, Duration duration, Duration frame) throws Exception {
        try (BenchUiThread ui = new BenchUiThread(frame); LiveBackend backend = new LiveBackend(new ClusterServices(connection, AuditTrail.NONE), feed)) {
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
            ui.startMeasuring();
            EventLoad.Published published = EventLoad.publish(connection, feed.keys(), rate, duration, 8, 4);
            double cpuPerSecond = ui.cpuMillisPerSecond();
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
            return new PanelRun(published, delivered, Math.max(1e-9, (firstLast[1] - firstLast[0]) / 1e9), visible, ui.runTimes(), ui.runCpu(),
                    cpuPerSecond, most[0]);
        }
    }
}
