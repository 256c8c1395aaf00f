package io.tessera.engine.upload;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running upload. {@link #cancel()} asks every file to stop at its next chunk; files in flight delete
 * their temporary copies, files not started are reported CANCELLED, and {@link #completion()} completes
 * only after that cleanup, so "cancelled" means nothing half-written is left.
 */
public final class UploadJob {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<UploadSummary> completion = new CompletableFuture<>();
    private final java.util.List<java.util.function.Consumer<UploadSummary>> beforeCompletion = new java.util.ArrayList<>();
    private UploadSummary ended; // guarded by this

    UploadJob() {}

    /**
     * Runs {@code hook} with the summary before {@link #completion()} completes, so that whoever waits for the upload
     * also waits for it (the audit record of an upload: a CLI that exits as the upload ends must not lose it). Runs at
     * once, on the caller's thread, when the upload has ended already. A hook must not throw.
     */
    public void beforeCompletion(java.util.function.Consumer<UploadSummary> hook) {
        UploadSummary done;
        synchronized (this) {
            if (ended == null) {
                beforeCompletion.add(hook);
                return;
            }
            done = ended;
        }
        hook.accept(done);
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public boolean isDone() {
        return completion.isDone();
    }

    /** Completes (never exceptionally) with the summary once every file has ended and cleaned up. */
    public CompletableFuture<UploadSummary> completion() {
        return completion.copy();
    }

    public UploadSummary await() throws InterruptedException {
        try {
            return completion.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public UploadSummary await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return completion.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    boolean cancelRequested() {
        return cancelled.get();
    }

    void complete(UploadSummary summary) {
        java.util.List<java.util.function.Consumer<UploadSummary>> hooks;
        synchronized (this) {
            ended = summary;
            hooks = java.util.List.copyOf(beforeCompletion);
        }
        try {
            hooks.forEach(hook -> hook.accept(summary));
        } finally {
            completion.complete(summary);
        }
    }
}
