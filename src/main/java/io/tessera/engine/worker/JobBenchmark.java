package io.tessera.engine.worker;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import java.io.IOException;
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
 * {@link ImageProcessor} on the same images from memory in the same run, with the same thread count: the
 * ratio is what distribution costs. Runs under its own key prefix and HDFS folder, removed afterwards.
 */
public final class JobBenchmark {
    private JobBenchmark() {}

    public record Result(int images, long bytes, double directImagesPerSecond, double jobImagesPerSecond, long failed) {
        public double ratio() {
            return jobImagesPerSecond / directImagesPerSecond;
        }
    }

    public static Result run(ClusterConnection connection, List<Path> localImages, Pipeline pipeline, int threads) throws Exception {
        List<byte[]> images = new ArrayList<>();
        long bytes = 0;
        for (Path file : localImages) {
            images.add(Files.readAllBytes(file));
            bytes += images.getLast().length;
        }
        WorkerOptions options = WorkerOptions.defaults(threads);
        double direct = direct(images, pipeline, options);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String base = "/tessera-bench/job-" + run;
        FileSystem fs = connection.fileSystem();
        try {
            for (int i = 0; i < images.size(); i++) {
                try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(base + "/in/" + i + "-" + localImages.get(i).getFileName()))) {
                    out.write(images.get(i));
                }
            }
            DispatchKeys keys = new DispatchKeys("bench-" + run + ":");
            DispatchSettings settings = DispatchSettings.defaults();
            JobSubmission submission = new JobSubmission(connection, keys, settings);
            String job = "bench-" + run;
            try (Worker worker = Worker.start(connection, options.withKeys(keys, settings))) {
                long start = System.nanoTime();
                submission.submit(new JobRequest(job, base + "/in", base + "/out", pipeline, Priority.NORMAL, ShardLimits.DEFAULT, 10));
                JobStatus status = submission.await(job, Duration.ofMillis(20), Duration.ofHours(1), s -> { });
                double seconds = (System.nanoTime() - start) / 1e9;
                return new Result(images.size(), bytes, direct, images.size() / seconds, status.counts().failed());
            }
        } finally {
            fs.delete(new org.apache.hadoop.fs.Path(base), true);
        }
    }

    /** The baseline: the same processor over the bytes in memory, the same number of threads, no storage, no queue. */
    private static double direct(List<byte[]> images, Pipeline pipeline, WorkerOptions options) throws Exception {
        try (ImageProcessor processor = new ImageProcessor(options.limits(), options.imageTimeLimit());
             ExecutorService pool = Executors.newFixedThreadPool(options.threads())) {
            // an untimed pass first: the baseline runs before the job, and must not pay the JIT's warm-up alone
            for (byte[] image : images.subList(0, Math.min(10, images.size()))) {
                processor.process(image, pipeline);
            }
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
