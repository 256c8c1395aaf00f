package io.tessera.engine.sim.scale;

import io.tessera.engine.ops.ControlledCost;
import io.tessera.engine.ops.Pipeline;
import java.time.Duration;
import java.util.List;

/**
 * What a scaling run measures: the host counts, the rounds, the ops (each one a series of its own), and how big each job is:
 * {@code imagesPerHost} images per serving host, or, when that is null, as many as keep a host busy for {@code seconds} at the
 * op's own cost ({@code threads} × 1000 / ms images/s per host; only a {@code sleep}/{@code spin} op has a known cost).
 *
 * @param batch images per task; 0 picks min(20, images per host / (threads × 8)), at least 1, so every thread gets several tasks
 * @param audit read every output back and decode it after each job (outside the measured time)
 */
public record ScaleOptions(List<Integer> hostCounts, int rounds, List<String> ops, Integer imagesPerHost, double seconds, int threads, int batch,
                           int imageSize, boolean audit, Duration jobTimeout) {
    public ScaleOptions {
        hostCounts = List.copyOf(hostCounts);
        ops = List.copyOf(ops);
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("give at least one --op");
        }
        for (String op : ops) {
            Pipeline.parse(List.of(op), null);
            if (imagesPerHost == null && costMillis(op) <= 0) {
                throw new IllegalArgumentException("the cost of '" + op + "' is not known: give --images-per-host (or use sleep:ms=N or spin:ms=N)");
            }
        }
        if (imagesPerHost != null && imagesPerHost < 1) {
            throw new IllegalArgumentException("--images-per-host must be at least 1, not " + imagesPerHost);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, not " + rounds);
        }
    }

    /** Milliseconds per image of a one-op sleep/spin pipeline, else 0. */
    static int costMillis(String op) {
        Pipeline pipeline = Pipeline.parse(List.of(op), null);
        return pipeline.ops().size() == 1 && pipeline.ops().getFirst() instanceof ControlledCost cost ? cost.millis() : 0;
    }

    int imagesPerHost(String op) {
        if (imagesPerHost != null) {
            return imagesPerHost;
        }
        return (int) Math.ceil(seconds * threads * 1000.0 / costMillis(op));
    }

    int batchFor(int perHost) {
        return batch > 0 ? batch : Math.clamp(perHost / (threads * 8), 1, 20);
    }
}
