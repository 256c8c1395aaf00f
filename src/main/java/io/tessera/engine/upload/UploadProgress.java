package io.tessera.engine.upload;

import java.time.Duration;
import java.util.Optional;

/** Totals of a running upload; {@code eta} is empty until there is a rate to go by. */
public record UploadProgress(int filesDone, int filesTotal, long bytesDone, long bytesTotal,
                             double filesPerSecond, double bytesPerSecond, Optional<Duration> eta) {

    public double fraction() {
        return bytesTotal == 0 ? (filesTotal == 0 ? 1 : (double) filesDone / filesTotal) : (double) bytesDone / bytesTotal;
    }
}
