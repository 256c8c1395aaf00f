package io.tessera.cli;

import io.tessera.console.common.UiThread;
import io.tessera.engine.live.Latencies;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the JavaFX thread in headless benchmarks: one thread, a 100 ms pulse like {@code FxUiThread}, frames
 * every {@code frame} (16.7 ms like JavaFX's 60 Hz; 100 ms to apply frame feeds the way the pulse did before), and the
 * time each pulse's and frame's actions take (what the FX thread would spend, without layout and rendering), measured
 * apart from the benchmark's own observers.
 */
final class BenchUiThread implements UiThread, AutoCloseable {
    static final Duration FRAME_60_HZ = Duration.ofNanos(1_000_000_000L / 60);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("bench-ui").factory());
    private final List<Runnable> pulseActions = new CopyOnWriteArrayList<>();
    private final List<Runnable> frameActions = new CopyOnWriteArrayList<>();
    private final List<Runnable> observers = new CopyOnWriteArrayList<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Latencies runTimes = new Latencies();
    private Latencies runCpu = new Latencies();
    private long cpuTotal;
    private long measuringSince = System.nanoTime();
    private volatile Thread self;

    BenchUiThread(Duration frame) {
        thread.execute(() -> self = Thread.currentThread());
        thread.scheduleAtFixedRate(() -> run(pulseActions), 100, 100, TimeUnit.MILLISECONDS);
        thread.scheduleAtFixedRate(() -> run(frameActions), frame.toNanos(), frame.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void execute(Runnable action) {
        if (Thread.currentThread() == self) {
            action.run();
        } else {
            thread.execute(action);
        }
    }

    @Override
    public void onPulse(Runnable action) {
        pulseActions.add(action);
    }

    @Override
    public void onFrame(Runnable action) {
        frameActions.add(action);
    }

    /** Runs after each pulse and frame, not counted in its time. */
    void afterPulse(Runnable observer) {
        observers.add(observer);
    }

    <T> T call(Callable<T> action) throws Exception {
        return thread.submit(action).get();
    }

    /** Forgets what was measured so far (set-up, going live) and measures from now on. */
    void startMeasuring() throws Exception {
        call(() -> {
            runTimes = new Latencies();
            runCpu = new Latencies();
            cpuTotal = 0;
            measuringSince = System.nanoTime();
            return null;
        });
    }

    /** Wall time of each pulse and frame that had work to run. */
    Latencies runTimes() {
        return runTimes;
    }

    /** CPU time of each pulse and frame: the work itself, without the waits of a busy machine. */
    Latencies runCpu() {
        return runCpu;
    }

    /** The UI thread's CPU time for pulses and frames per second of measuring, in milliseconds. */
    double cpuMillisPerSecond() throws Exception {
        return call(() -> cpuTotal / 1e6 / Math.max(1e-9, (System.nanoTime() - measuringSince) / 1e9));
    }

    private void run(List<Runnable> actions) {
        long start = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        actions.forEach(Runnable::run);
        long used = threads.getCurrentThreadCpuTime() - cpu;
        cpuTotal += used;
        runCpu.add(used);
        runTimes.add(System.nanoTime() - start);
        observers.forEach(Runnable::run);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
