package io.tessera.engine.ops;

import io.tessera.engine.images.NativeImage;

/**
 * {@code sleep:ms=N} and {@code spin:ms=N}: an image's work of a known cost, for measuring how the cluster scales
 * apart from what decoding costs (with small inputs, they are nearly all of an image's time). {@code sleep} holds its
 * compute slot for N ms without using a CPU, as work waiting on another service would; {@code spin} uses N ms of its
 * thread's CPU time. Both pass the image on unchanged; a cancelled job's interrupt ends them early.
 */
public record ControlledCost(Kind kind, int millis) implements ImageOp {
    public static final int MAX_MILLIS = 60_000;

    public enum Kind { SLEEP, SPIN }

    static ControlledCost parse(Kind kind, OpArgs args) {
        args.only("ms");
        String ms = args.positional() != null ? args.positional() : args.named("ms");
        String name = kind.name().toLowerCase(java.util.Locale.ROOT);
        return new ControlledCost(kind, args.integer("the milliseconds", args.required("a time, e.g. " + name + ":ms=20", ms), 1, MAX_MILLIS));
    }

    @Override
    public String spec() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":ms=" + millis;
    }

    @Override
    public NativeImage apply(NativeImage image, Context context) {
        if (kind == Kind.SLEEP) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            spin();
        }
        return image;
    }

    private void spin() {
        // a worker runs images on virtual threads, whose CPU time the ThreadMXBean does not know (-1: it would spin forever)
        long until = ThreadCpuClock.nanos() + millis * 1_000_000L;
        long state = System.nanoTime();
        while (ThreadCpuClock.nanos() < until && !Thread.currentThread().isInterrupted()) {
            for (int i = 0; i < 10_000; i++) {
                state = state * 6364136223846793005L + 1442695040888963407L; // busy work the JIT cannot drop
            }
            if (state == 42) {
                Thread.onSpinWait();
            }
        }
    }
}
