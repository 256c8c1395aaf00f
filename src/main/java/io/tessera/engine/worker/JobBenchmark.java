package io.tessera.engine.worker;

import io.tessera.engine.bench.BenchSet;
import io.tessera.engine.bench.CpuClock;
import io.tessera.engine.bench.LoadAverage;
import io.tessera.engine.bench.Medians;
import io.tessera.engine.bench.VipsThumbnail;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.ops.reference.ReferencePipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Image throughput four ways on the same sets, interleaved in one run: {@code vipsthumbnail} with one process per
 * thread (the reference, when installed), the native engine on bytes in memory ({@link ImageProcessor}, N threads),
 * the old Java path ({@link ReferencePipeline}, N threads; slow, so in the first rounds only) and the full job path
 * (HDFS read, ops, HDFS write, dispatch, events: a real {@link Worker} with N threads). Each round runs every set, and
 * within a set the contenders in an order that rotates from round to round, so a load that comes and goes hits all
 * alike; an untimed warm-up comes first. Per set: the median images/s of each contender, the median of the per-round
 * ratios, the CPU each spent per image (this process and its children), and the worker's stage times. Runs under its
 * own key prefix and HDFS folder, removed afterwards.
 */
public final class JobBenchmark {
    public enum Contender {
        VIPS("vipsthumbnail"), DIRECT("native direct"), REFERENCE("old Java path"), JOB("full job path");

        private final String label;

        Contender(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param rounds          timed rounds of every set
     * @param referenceRounds of those, how many also run the old Java path (at least 1 to report it, 0 to leave it out)
     * @param vipsBox         the box for vipsthumbnail ({@code --size BOXxBOX}), empty when the pipeline is not a
     *                        thumbnail it can be compared with
     * @param repeat          how many times over each set a contender goes per round (the old Java path once), so that
     *                        a measurement lasts long enough for a job's fixed costs to weigh as they would in a long job
     * @param warmUpImages    images of an untimed warm-up job (the sets' files over and over) before the rounds: the JIT
     *                        compiles the storage and dispatch code over the first thousands of images
     * @param warmUpSmallImages images of an untimed warm-up job of small copies of the sets' files, before that one:
     *                        per-image Java code (HDFS client and servers, dispatch, events) is compiled by C2 only
     *                        after thousands of calls, which large images take many minutes to make; small ones make
     *                        them in a minute, so the rounds measure a worker past its JIT warm-up, as in a long job
     */
    public record Options(Pipeline pipeline, int threads, int rounds, int referenceRounds, Optional<Integer> vipsBox, int vipsQuality, int repeat,
                          int warmUpImages, int warmUpSmallImages) {}

    /**
     * One set's figures over the rounds.
     *
     * @param rounds        per round, images/s of each contender that ran in it
     * @param cpu           per contender, CPU, JIT and collection time over its rounds (this process and its children)
     * @param images        per contender, images over its rounds
     * @param job           the worker's stage times over this set's job rounds
     * @param direct        the native direct path's stage times over its rounds
     * @param jobSeconds    wall time of this set's job rounds, from submitting to the last completion seen
     * @param directSeconds wall time of this set's direct rounds
     * @param submitSeconds of that, the time in {@code submit} (listing, planning, ZooKeeper, filling the queue)
     * @param startSeconds  of that, from submitting to the first image computing (every slot idle)
     * @param tailSeconds   of that, from the last image computed to the job seen done (its write, acknowledgement, and
     *                      the benchmark's next look at the job's state)
     */
    public record SetFigures(BenchSet set, List<Map<Contender, Double>> rounds, Map<Contender, CpuClock.Reading> cpu, Map<Contender, Long> images,
                             StageTimes job, StageTimes direct, double jobSeconds, double directSeconds, double submitSeconds, double startSeconds,
                             double tailSeconds, long failed) {
        /** Median images/s of a contender over the rounds it ran in; NaN when it never ran. */
        public double median(Contender contender) {
            return Medians.of(rounds.stream().filter(r -> r.containsKey(contender)).map(r -> r.get(contender)).toList());
        }

        /** Median over the rounds where both ran of a's rate over b's. */
        public double medianRatio(Contender a, Contender b) {
            return Medians.of(rounds.stream().filter(r -> r.containsKey(a) && r.containsKey(b)).map(r -> r.get(a) / r.get(b)).toList());
        }

        /** A contender's CPU, JIT or collection milliseconds per image over its rounds; NaN when it never ran. */
        public double perImageMillis(Contender contender, java.util.function.ToLongFunction<CpuClock.Reading> figure) {
            long count = images.getOrDefault(contender, 0L);
            return count == 0 ? Double.NaN : figure.applyAsLong(cpu.get(contender)) / 1e6 / count;
        }

        /**
         * The share of compute-slot time (wall time x threads) a contender's stage times leave without computing (decode,
         * ops, encode): for the job the start, the tail and the slots waiting for images; for the direct path its own
         * hand-offs and tail.
         */
        public static double idleShare(StageTimes times, double wallSeconds, int threads) {
            double computing = 0;
            for (StageTimes.Stage stage : StageTimes.Stage.values()) {
                computing += stage.side() == StageTimes.Side.COMPUTE ? times.of(stage).totalSeconds() : 0;
            }
            return 1 - computing / (wallSeconds * threads);
        }

        public int jobRounds() {
            return (int) rounds.stream().filter(r -> r.containsKey(Contender.JOB)).count();
        }
    }

    public record Result(List<SetFigures> sets, int threads, Optional<LoadAverage> loadAtStart, Optional<LoadAverage> loadAtEnd, double warmUpSeconds) {}

    private JobBenchmark() {}

    /**
     * @param vips     the reference, when installed and asked for
     * @param scratch  a local folder for vipsthumbnail's outputs (emptied after each of its passes)
     * @param progress a line per round and set as they are measured
     */
    public static Result run(ClusterConnection connection, List<BenchSet> sets, Options options, Optional<VipsThumbnail> vips, Path scratch,
                             Consumer<String> progress) throws Exception {
        Optional<LoadAverage> loadAtStart = LoadAverage.now();
        String run = UUID.randomUUID().toString().substring(0, 8);
        DispatchKeys keys = new DispatchKeys("bench-" + run + ":");
        WorkerOptions workerOptions = WorkerOptions.defaults(options.threads()).withKeys(keys, DispatchSettings.defaults());
        BenchContenders contenders = new BenchContenders(connection, keys, workerOptions, options, vips, scratch, "/tessera-bench/job-" + run);
        try {
            List<BenchSetRun> runs = new ArrayList<>();
            for (BenchSet set : sets) {
                runs.add(new BenchSetRun(set, set.read(), contenders.inputOf(set), options.repeat(), workerOptions));
            }
            contenders.upload(runs);
            try (Worker worker = Worker.start(connection, workerOptions)) {
                long warmUpStart = System.nanoTime();
                contenders.warmUp(runs);
                double warmUpSeconds = (System.nanoTime() - warmUpStart) / 1e9;
                progress.accept(String.format(Locale.ROOT, "warm-up: %.1f s (a job of %d small images, one of %d of the sets' images, and a pass of each set"
                        + " through the others)", warmUpSeconds, options.warmUpSmallImages(), options.warmUpImages()));
                for (int round = 0; round < options.rounds(); round++) {
                    for (BenchSetRun set : runs) {
                        Map<Contender, Double> rates = new EnumMap<>(Contender.class);
                        for (Contender contender : order(round, options, vips.isPresent())) {
                            System.gc(); // each contender starts from a clean heap, not the last one's garbage
                            rates.put(contender, contenders.measure(contender, set, worker, round));
                        }
                        set.rounds.add(rates);
                        progress.accept(roundLine(round, set.set, rates));
                    }
                }
                List<SetFigures> figures = runs.stream().map(BenchSetRun::figures).toList();
                return new Result(figures, options.threads(), loadAtStart, LoadAverage.now(), warmUpSeconds);
            }
        } finally {
            contenders.cleanUp().ifPresent(progress);
        }
    }

    /** The contenders of a round, in an order that rotates by one place per round; the old Java path only in its rounds. */
    static List<Contender> order(int round, Options options, boolean vips) {
        List<Contender> all = new ArrayList<>();
        for (Contender c : Contender.values()) {
            boolean on = switch (c) {
                case VIPS -> vips && options.vipsBox().isPresent();
                case REFERENCE -> round < options.referenceRounds();
                default -> true;
            };
            if (on) {
                all.add(c);
            }
        }
        List<Contender> rotated = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            rotated.add(all.get((i + round) % all.size()));
        }
        return rotated;
    }

    private static String roundLine(int round, BenchSet set, Map<Contender, Double> rates) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d %-6s", round + 1, set.name()));
        rates.forEach((c, rate) -> line.append(String.format(Locale.ROOT, "  %s %.1f/s", c.label(), rate)));
        return line.toString();
    }

    /**
     * Images per task: small enough that the threads finish together (a thread left alone with the last task
     * of 10 large photos idles the others for seconds), at most 10 so that many small images do not pay a
     * Redis round trip each.
     */
    static int batchSize(int images, int threads) {
        return Math.clamp(images / (threads * 8), 1, 10);
    }
}
