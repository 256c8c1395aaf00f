package io.tessera.engine.worker;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.fs.FileSystem;

/**
 * A pipeline job through the full path (HDFS read, ops, HDFS write, dispatch, events) beside the same
 * {@link ImageProcessor} on the same images from memory, with the same thread count: the ratio is what
 * distribution costs. Rounds alternate baseline and job, so load on a shared machine hits both alike; the
 * median ratio is the figure. Stage times (read, decode, ops, encode, write, acknowledgement) say where the
 * job's time went. Runs under its own key prefix and HDFS folder, removed afterwards.
 */
public final class JobBenchmark {
    private JobBenchmark() {}

    /** One round: images/s of the baseline and of the job. */
    public record Round(double directImagesPerSecond, double jobImagesPerSecond) {
        public double ratio() {
            return jobImagesPerSecond / directImagesPerSecond;
        }
    }

    /**
     * @param jobSeconds wall time of all job rounds; with {@code threads} it bounds the worker's thread time,
     *                   so the stages' share of it shows how much went to waiting (for tasks, for Redis)
     */
    public record Result(int images, long bytes, int threads, List<Round> rounds, long failed, StageTimes direct, StageTimes job,
                         double jobSeconds) {
        public double medianRatio() {
            List<Double> ratios = rounds.stream().map(Round::ratio).sorted().toList();
            int n = ratios.size();
            return n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
        }
    }

    public static Result run(ClusterConnection connection, List<Path> localImages, Pipeline pipeline, int threads, int rounds) throws Exception {
        List<byte[]> images = new ArrayList<>();
        long bytes = 0;
        for (Path file : localImages) {
            images.add(Files.readAllBytes(file));
            bytes += images.getLast().length;
        }
        WorkerOptions options = WorkerOptions.defaults(threads);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String base = "/tessera-bench/job-" + run;
        FileSystem fs = connection.fileSystem();
        StageTimes direct = new StageTimes();
        List<Round> results = new ArrayList<>();
        long failed = 0;
        double jobSeconds = 0;
        try {
            for (int i = 0; i < images.size(); i++) {
                try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(base + "/in/" + i + "-" + localImages.get(i).getFileName()))) {
                    out.write(images.get(i));
                }
            }
            DispatchKeys keys = new DispatchKeys("bench-" + run + ":");
            DispatchSettings settings = DispatchSettings.defaults();
            JobSubmission submission = new JobSubmission(connection, keys, settings);
            try (Worker worker = Worker.start(connection, options.withKeys(keys, settings));
                 ImageProcessor processor = new ImageProcessor(options.limits(), options.imageTimeLimit(), direct)) {
                warmUp(options, images, pipeline);
                for (int round = 0; round < rounds; round++) {
                    double directRate = direct(processor, images, pipeline, threads);
                    String job = "bench-" + run + "-" + round;
                    long start = System.nanoTime();
                    submission.submit(new JobRequest(job, base + "/in", base + "/out-" + round, pipeline, Priority.NORMAL, ShardLimits.DEFAULT,
                            batchSize(images.size(), threads)));
                    JobStatus status = submission.await(job, Duration.ofMillis(20), Duration.ofHours(1), s -> { });
                    double seconds = (System.nanoTime() - start) / 1e9;
                    jobSeconds += seconds;
                    failed += status.counts().failed();
                    results.add(new Round(directRate, images.size() / seconds));
                }
                return new Result(images.size(), bytes, threads, results, failed, direct, worker.stageTimes(), jobSeconds);
            }
        } finally {
            fs.delete(new org.apache.hadoop.fs.Path(base), true);
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

    /** An untimed pass over a few images first (a processor of its own), so the first round does not pay the JIT's warm-up alone. */
    private static void warmUp(WorkerOptions options, List<byte[]> images, Pipeline pipeline) throws InterruptedException {
        try (ImageProcessor processor = new ImageProcessor(options.limits(), options.imageTimeLimit())) {
            for (byte[] image : images.subList(0, Math.min(10, images.size()))) {
                processor.process(image, pipeline);
            }
        }
    }

    /** The baseline: the same processor over the bytes in memory, the same number of threads, no storage, no queue. */
    private static double direct(ImageProcessor processor, List<byte[]> images, Pipeline pipeline, int threads) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            long start = System.nanoTime();
            List<Future<ImageProcessor.Result>> results = new ArrayList<>();
            for (byte[] image : images) {
                results.add(pool.submit(() -> processor.process(image, pipeline)));
            }
            for (Future<ImageProcessor.Result> result : results) {
                result.get();
            }
            return images.size() / ((System.nanoTime() - start) / 1e9);
        }
    }
}
