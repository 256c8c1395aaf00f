package io.tessera.engine.worker;

import io.tessera.engine.membership.LiveFigures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What a worker's handler has done so far, and its rate since the previous look, for the membership node. */
public final class WorkerCounters {
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    /** Images at hand per job, and the jobs worked on since the previous figures. */
    private final Map<String, Integer> atHand = new HashMap<>();
    private final Set<String> recentJobs = new TreeSet<>();
    private long lastImages;
    private long lastNanos = System.nanoTime();

    void started(String jobId) {
        busy.incrementAndGet();
        synchronized (this) {
            atHand.merge(jobId, 1, Integer::sum);
            recentJobs.add(jobId);
        }
    }

    void finished(String jobId, boolean ok, long bytes) {
        busy.decrementAndGet();
        (ok ? done : failed).incrementAndGet();
        bytesRead.addAndGet(bytes);
        let(jobId);
    }

    /** An image left without an outcome (its task failed as a whole, or was stopped): counted neither done nor failed. */
    void unfinished(String jobId, long bytes) {
        busy.decrementAndGet();
        bytesRead.addAndGet(bytes);
        let(jobId);
    }

    private synchronized void let(String jobId) {
        atHand.computeIfPresent(jobId, (job, n) -> n == 1 ? null : n - 1);
    }

    public long done() {
        return done.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Figures now, with images/s over the time since the previous call. */
    public synchronized LiveFigures figures() {
        long now = System.nanoTime();
        long images = done.get() + failed.get();
        double seconds = (now - lastNanos) / 1e9;
        double rate = seconds <= 0 ? 0 : Math.round((images - lastImages) / seconds * 10) / 10.0;
        lastImages = images;
        lastNanos = now;
        List<String> jobs = new ArrayList<>(recentJobs);
        recentJobs.clear();
        recentJobs.addAll(atHand.keySet());
        return new LiveFigures(busy.get(), done.get(), failed.get(), bytesRead.get(), rate, Instant.now(), jobs);
    }
}
