package io.tessera.engine.upload;

import java.time.Duration;
import java.util.List;

/** Every file's outcome, in request order, and how long the whole took. */
public record UploadSummary(List<FileOutcome> outcomes, Duration elapsed, boolean cancelled) {

    public long count(FileOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    public long bytesUploaded() {
        return outcomes.stream().filter(o -> o.status() == FileOutcome.Status.UPLOADED).mapToLong(FileOutcome::bytes).sum();
    }

    public double filesPerSecond() {
        double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
        return count(FileOutcome.Status.UPLOADED) / seconds;
    }

    /** Whether every file landed, or was skipped on purpose. */
    public boolean allGood() {
        return !cancelled && outcomes.stream().noneMatch(o -> o.isProblem() || o.status() == FileOutcome.Status.CANCELLED);
    }
}
