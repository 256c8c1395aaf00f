package io.tessera.engine.worker;

import io.tessera.engine.bench.BenchCleanUp;
import io.tessera.engine.bench.BenchSet;
import io.tessera.engine.bench.LoadAverage;
import io.tessera.engine.bench.Medians;
import io.tessera.engine.bench.ParallelPass;
import io.tessera.engine.bench.VipsThumbnail;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.ops.reference.ReferencePipeline;
import io.tessera.engine.shard.ShardLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;

/**
 * Image throughput four ways on the same sets, interleaved in one run: {@code vipsthumbnail} with one process per
 * thread (the reference, when installed), the native engine on bytes in memory ({@link ImageProcessor}, N threads),
 * the old Java path ({@link ReferencePipeline}, N threads; slow, so in the first rounds only) and the full job path
 * (HDFS read, ops, HDFS write, dispatch, events: a real {@link Worker} with N threads). Each round runs every set, and
 * within a set the contenders in an order that rotates from round to round, so a load that comes and goes hits all
 * alike; an untimed warm-up pass comes first. Per set the median images/s of each contender and the median of the
 * per-round ratios, and the worker's stage times (what the job's time went to). Runs under its own key prefix and HDFS
 * folder, removed afterwards.
 */
public final class JobBenchmark {
    private static final Duration AWAIT_EVERY = Duration.ofMillis(5);
    private static final int WARM_UP_IMAGES = 8;
    private static final String WARM_UP = "warm-up";

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
     */
    public record Options(Pipeline pipeline, int threads, int rounds, int referenceRounds, Optional<Integer> vipsBox, int vipsQuality) {}

    /**
     * One set's figures over the rounds.
     *
     * @param rounds        per round, images/s of each contender that ran in it
     * @param job           the worker's stage times over this set's job rounds
     * @param direct        the native direct path's stage times over its rounds
     * @param jobSeconds    wall time of this set's job rounds, from submitting to the last completion seen
     * @param submitSeconds of that, the time in {@code submit} (listing, planning, ZooKeeper, filling the queue)
     */
    public record SetFigures(BenchSet set, List<Map<Contender, Double>> rounds, StageTimes job, StageTimes direct, double jobSeconds,
                             double submitSeconds, long failed) {
        /** Median images/s of a contender over the rounds it ran in; NaN when it never ran. */
        public double median(Contender contender) {
            return Medians.of(rounds.stream().filter(r -> r.containsKey(contender)).map(r -> r.get(contender)).toList());
        }

        /** Median over the rounds where both ran of a's rate over b's. */
        public double medianRatio(Contender a, Contender b) {
            return Medians.of(rounds.stream().filter(r -> r.containsKey(a) && r.containsKey(b)).map(r -> r.get(a) / r.get(b)).toList());
        }

        public int jobRounds() {
            return (int) rounds.stream().filter(r -> r.containsKey(Contender.JOB)).count();
        }
    }

    public record Result(List<SetFigures> sets, int threads, Optional<LoadAverage> loadAtStart, Optional<LoadAverage> loadAtEnd) {}

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
        String base = "/tessera-bench/job-" + run;
        DispatchKeys keys = new DispatchKeys("bench-" + run + ":");
        WorkerOptions workerOptions = WorkerOptions.defaults(options.threads()).withKeys(keys, DispatchSettings.defaults());
        List<String> jobs = new ArrayList<>();
        try {
            Map<BenchSet, SetRun> runs = new LinkedHashMap<>();
            for (BenchSet set : sets) {
                runs.put(set, new SetRun(set, set.read(), base + "/in/" + set.name(), options, workerOptions));
            }
            upload(connection.fileSystem(), runs.values(), base);
            Contenders contenders = new Contenders(connection, keys, workerOptions, options, vips, scratch, jobs, base);
            try (Worker worker = Worker.start(connection, workerOptions)) {
                contenders.warmUp(runs.values());
                for (int round = 0; round < options.rounds(); round++) {
                    for (SetRun set : runs.values()) {
                        Map<Contender, Double> rates = new EnumMap<>(Contender.class);
                        for (Contender contender : order(round, options, vips.isPresent())) {
                            System.gc(); // each contender starts from a clean heap, not the last one's garbage
                            rates.put(contender, contenders.measure(contender, set, worker, round));
                        }
                        set.rounds.add(rates);
                        progress.accept(roundLine(round, set.set, rates));
                    }
                }
            }
            List<SetFigures> figures = runs.values().stream().map(SetRun::figures).toList();
            return new Result(figures, options.threads(), loadAtStart, LoadAverage.now());
        } finally {
            BenchCleanUp.cluster(connection, base, jobs, keys).ifPresent(progress);
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
        StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "round %d %-6s", round + 1, set.name()));
        rates.forEach((c, rate) -> line.append(String.format(java.util.Locale.ROOT, "  %s %.1f/s", c.label(), rate)));
        return line.toString();
    }

    /** One set's state through the run: its bytes, its HDFS folder, its processors and what its rounds measured. */
    private static final class SetRun {
        final BenchSet set;
        final List<byte[]> images;
        final String input;
        final StageTimes direct = new StageTimes();
        final StageTimes job = new StageTimes();
        final ImageProcessor processor;
        final ReferencePipeline reference;
        final List<Map<Contender, Double>> rounds = new ArrayList<>();
        double jobSeconds;
        double submitSeconds;
        long failed;

        SetRun(BenchSet set, List<byte[]> images, String input, Options options, WorkerOptions workerOptions) {
            this.set = set;
            this.images = images;
            this.input = input;
            this.processor = new ImageProcessor(workerOptions.limits(), workerOptions.imageTimeLimit(), direct);
            this.reference = new ReferencePipeline(workerOptions.limits());
        }

        SetFigures figures() {
            processor.close();
            return new SetFigures(set, rounds, job, direct, jobSeconds, submitSeconds, failed);
        }
    }

    /** How each contender runs over a set. */
    private record Contenders(ClusterConnection connection, DispatchKeys keys, WorkerOptions workerOptions, Options options,
                              Optional<VipsThumbnail> vips, Path scratch, List<String> jobs, String base) {

        double measure(Contender contender, SetRun set, Worker worker, int round) throws Exception {
            return switch (contender) {
                case VIPS -> vips(set.set.files());
                case DIRECT -> ParallelPass.imagesPerSecond(set.images, options.threads(), image -> set.processor.process(image, options.pipeline()));
                case REFERENCE -> ParallelPass.imagesPerSecond(set.images, options.threads(), image -> set.reference.process(image, options.pipeline()));
                case JOB -> job(set, worker, set.set.name() + "-" + round);
            };
        }

        /** Untimed: a few images of each set through every contender, and a job over copies of them. */
        void warmUp(java.util.Collection<SetRun> sets) throws Exception {
            for (SetRun set : sets) {
                List<byte[]> few = set.images.subList(0, Math.min(WARM_UP_IMAGES, set.images.size()));
                ParallelPass.imagesPerSecond(few, options.threads(), image -> set.processor.process(image, options.pipeline()));
                if (options.referenceRounds() > 0) {
                    ParallelPass.imagesPerSecond(few.subList(0, Math.min(2, few.size())), options.threads(),
                            image -> set.reference.process(image, options.pipeline()));
                }
                if (vips.isPresent() && options.vipsBox().isPresent()) {
                    vips(set.set.files().subList(0, Math.min(2, few.size())));
                }
            }
            submitAndAwait(base + "/in/" + WARM_UP, WARM_UP, WARM_UP_IMAGES * sets.size(), null);
        }

        double vips(List<Path> files) throws IOException, InterruptedException {
            Path out = Files.createTempDirectory(scratch, "vips-");
            try {
                long start = System.nanoTime();
                vips.orElseThrow().thumbnail(files, out, options.threads(), options.vipsBox().orElseThrow(), options.vipsQuality());
                return files.size() / ((System.nanoTime() - start) / 1e9);
            } finally {
                BenchCleanUp.deleteTree(out);
            }
        }

        double job(SetRun set, Worker worker, String name) throws Exception {
            StageTimes before = worker.stageTimes().copy();
            long start = System.nanoTime();
            JobStatus status = submitAndAwait(set.input, name, set.images.size(), set);
            double seconds = (System.nanoTime() - start) / 1e9;
            set.job.addAll(worker.stageTimes().minus(before));
            set.jobSeconds += seconds;
            set.failed += status.counts().failed();
            connection.fileSystem().delete(new org.apache.hadoop.fs.Path(base + "/out/" + name), true);
            return set.images.size() / seconds;
        }

        /** @param timed the set whose submit time this counts towards, or null */
        private JobStatus submitAndAwait(String input, String name, int images, SetRun timed) throws Exception {
            String job = "bench-" + keys.prefix().replace(":", "") + "-" + name;
            jobs.add(job);
            JobSubmission submission = new JobSubmission(connection, keys, workerOptions.dispatch());
            long start = System.nanoTime();
            submission.submit(new JobRequest(job, input, base + "/out/" + name, options.pipeline(), Priority.NORMAL, ShardLimits.DEFAULT,
                    batchSize(images, options.threads())));
            if (timed != null) {
                timed.submitSeconds += (System.nanoTime() - start) / 1e9;
            }
            return submission.await(job, AWAIT_EVERY, Duration.ofHours(1), s -> { });
        }
    }

    /**
     * Images per task: small enough that the threads finish together (a thread left alone with the last task
     * of 10 large photos idles the others for seconds), at most 10 so that many small images do not pay a
     * Redis round trip each.
     */
    static int batchSize(int images, int threads) {
        return Math.clamp(images / (threads * 8), 1, 10);
    }

    /** Each set into its folder, and the first few of each into the warm-up folder. */
    private static void upload(FileSystem fs, java.util.Collection<SetRun> sets, String base) throws IOException {
        for (SetRun set : sets) {
            for (int i = 0; i < set.images.size(); i++) {
                String name = set.set.files().get(i).getFileName().toString();
                write(fs, set.input + "/" + name, set.images.get(i));
                if (i < WARM_UP_IMAGES) {
                    write(fs, base + "/in/" + WARM_UP + "/" + set.set.name() + "-" + name, set.images.get(i));
                }
            }
        }
    }

    private static void write(FileSystem fs, String path, byte[] bytes) throws IOException {
        try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(path))) {
            out.write(bytes);
        }
    }
}
