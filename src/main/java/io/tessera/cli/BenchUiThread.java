package io.tessera.cli;

import io.tessera.console.common.UiThread;
import io.tessera.engine.live.Latencies;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the JavaFX thread in headless benchmarks: one thread, a 100 ms pulse like {@code FxUiThread},
 * and the time each pulse's actions take (what the FX thread would spend), measured apart from the benchmark's
 * own observers.
 */
final class BenchUiThread implements UiThread, AutoCloseable {
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("bench-ui").factory());
    private final List<Runnable> pulseActions = new CopyOnWriteArrayList<>();
    private final List<Runnable> observers = new CopyOnWriteArrayList<>();
    private final Latencies pulseTimes = new Latencies();
    private final Latencies pulseCpu = new Latencies();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private volatile Thread self;

    BenchUiThread() {
        thread.execute(() -> self = Thread.currentThread());
        thread.scheduleAtFixedRate(this::pulse, 100, 100, TimeUnit.MILLISECONDS);
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

    /** Runs after each pulse, not counted in its time. */
    void afterPulse(Runnable observer) {
        observers.add(observer);
    }

    <T> T call(Callable<T> action) throws Exception {
        return thread.submit(action).get();
    }

    Latencies pulseTimes() {
        return pulseTimes;
    }

    /** CPU time of each pulse: the work itself, without the waits of a busy machine. */
    Latencies pulseCpu() {
        return pulseCpu;
    }

    private void pulse() {
        long start = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        pulseActions.forEach(Runnable::run);
        pulseCpu.add(threads.getCurrentThreadCpuTime() - cpu);
        pulseTimes.add(System.nanoTime() - start);
        observers.forEach(Runnable::run);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
