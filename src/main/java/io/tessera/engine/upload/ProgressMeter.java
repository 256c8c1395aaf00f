package io.tessera.engine.upload;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Counts bytes and files from many threads and hands the listener a throttled {@link UploadProgress}. */
final class ProgressMeter {
    private static final long MIN_INTERVAL_NANOS = 100_000_000L;

    private final UploadListener listener;
    private final int filesTotal;
    private final long bytesTotal;
    private final long started = System.nanoTime();
    private final AtomicInteger filesDone = new AtomicInteger();
    private final AtomicInteger filesUploaded = new AtomicInteger();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong lastReport = new AtomicLong(started - MIN_INTERVAL_NANOS);

    ProgressMeter(UploadListener listener, int filesTotal, long bytesTotal) {
        this.listener = listener;
        this.filesTotal = filesTotal;
        this.bytesTotal = bytesTotal;
    }

    void written(long bytes) {
        bytesDone.addAndGet(bytes);
        bytesWritten.addAndGet(bytes);
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last >= MIN_INTERVAL_NANOS && lastReport.compareAndSet(last, now)) {
            listener.progress(snapshot(now));
        }
    }

    /** A file is finished; {@code unwrittenBytes} of its size were never sent (skipped, refused, cut short). */
    void finished(FileOutcome outcome, long unwrittenBytes) {
        if (outcome.status() == FileOutcome.Status.UPLOADED) {
            filesUploaded.incrementAndGet();
        }
        filesDone.incrementAndGet();
        bytesDone.addAndGet(unwrittenBytes);
        listener.fileFinished(outcome);
        long now = System.nanoTime();
        lastReport.set(now);
        listener.progress(snapshot(now));
    }

    private UploadProgress snapshot(long now) {
        double seconds = Math.max(now - started, 1) / 1e9;
        double byteRate = bytesWritten.get() / seconds;
        long left = Math.max(0, bytesTotal - bytesDone.get());
        Optional<Duration> eta = byteRate > 0 ? Optional.of(Duration.ofMillis((long) (left / byteRate * 1000))) : Optional.empty();
        return new UploadProgress(filesDone.get(), filesTotal, bytesDone.get(), bytesTotal, filesUploaded.get() / seconds, byteRate, eta);
    }
}
