package io.tessera.engine.worker;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where a worker's time goes, stage by stage: how often each ran and for how long in all. Cheap to record
 * from many threads (adders, no locks); read by the job benchmark to say what a job spends its time on.
 */
public final class StageTimes {
    public enum Stage {
        /** file status, open and read of the input from HDFS */
        READ(Side.HANDLER),
        /** waiting for a compute slot (a worker's image lanes outnumber its compute slots, so that I/O overlaps computing) */
        SLOT(Side.HANDLER),
        /** header check and decoding (subsampled when the pipeline shrinks to a box) */
        DECODE(Side.COMPUTE),
        /** the pipeline's ops (and EXIF reading when an op needs it) */
        OPS(Side.COMPUTE),
        /** encoding the output format */
        ENCODE(Side.COMPUTE),
        /** the output to a temporary name in HDFS and the rename into place */
        WRITE(Side.HANDLER),
        /** per task: from the handler's return until its completion was written to Redis (acknowledged, counted, announced) */
        ACK(Side.BESIDE);

        private final Side side;

        Stage(Side side) {
            this.side = side;
        }

        public Side side() {
            return side;
        }
    }

    /**
     * Where a stage runs: {@code COMPUTE} in one of the worker's compute slots (as many as its threads), {@code HANDLER}
     * in the image's lane ({@link ImageLanes}) outside a slot (storage I/O, waiting for a slot), {@code BESIDE} on
     * another thread per task.
     */
    public enum Side { COMPUTE, HANDLER, BESIDE }

    /** One stage's figures: how often it ran and its total time. */
    public record Figures(long count, long nanos) {
        public double totalSeconds() {
            return nanos / 1e9;
        }

        public double meanMillis() {
            return count == 0 ? 0 : nanos / 1e6 / count;
        }
    }

    /**
     * When the first image began computing and the last one ended ({@link System#nanoTime()}), since
     * {@link #restartSpan()}: what a job leaves idle at its start and its tail. Not part of the sums
     * ({@link #copy}, {@link #minus} and {@link #addAll} leave it out).
     */
    public record Span(long firstStartNanos, long lastEndNanos) {}

    private final Map<Stage, LongAdder> counts = new EnumMap<>(Stage.class);
    private final Map<Stage, LongAdder> nanos = new EnumMap<>(Stage.class);
    private final LongAccumulator firstStart = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final LongAccumulator lastEnd = new LongAccumulator(Math::max, Long.MIN_VALUE);

    public StageTimes() {
        for (Stage stage : Stage.values()) {
            counts.put(stage, new LongAdder());
            nanos.put(stage, new LongAdder());
        }
    }

    void add(Stage stage, long elapsedNanos) {
        counts.get(stage).increment();
        nanos.get(stage).add(elapsedNanos);
    }

    /** Records the time since {@code startNanos} ({@link System#nanoTime()}) and returns now, so stages chain. */
    long since(Stage stage, long startNanos) {
        long now = System.nanoTime();
        add(stage, now - startNanos);
        return now;
    }

    /** An image computed (decode to encode, or to its refusal) from {@code startNanos} to {@code endNanos}. */
    void computed(long startNanos, long endNanos) {
        firstStart.accumulate(startNanos);
        lastEnd.accumulate(endNanos);
    }

    /** Forgets the span so far: the next {@link #span()} covers what computes from now on (the benchmark, per job). */
    public void restartSpan() {
        firstStart.reset();
        lastEnd.reset();
    }

    /** The first start and last end of computing since {@link #restartSpan()}; empty when nothing computed since. */
    public Optional<Span> span() {
        long first = firstStart.get();
        return first == Long.MAX_VALUE ? Optional.empty() : Optional.of(new Span(first, lastEnd.get()));
    }

    public Figures of(Stage stage) {
        return new Figures(counts.get(stage).sum(), nanos.get(stage).sum());
    }

    /** A copy of the figures so far, to take differences from ({@link #minus}). */
    public StageTimes copy() {
        StageTimes copy = new StageTimes();
        copy.addAll(this);
        return copy;
    }

    /** These figures less an earlier copy of them: what was recorded in between. */
    public StageTimes minus(StageTimes earlier) {
        StageTimes difference = copy();
        for (Stage stage : Stage.values()) {
            Figures then = earlier.of(stage);
            difference.counts.get(stage).add(-then.count());
            difference.nanos.get(stage).add(-then.nanos());
        }
        return difference;
    }

    /** Adds another's figures to these (the benchmark sums its runs). */
    public void addAll(StageTimes other) {
        for (Stage stage : Stage.values()) {
            Figures figures = other.of(stage);
            counts.get(stage).add(figures.count());
            nanos.get(stage).add(figures.nanos());
        }
    }
}
