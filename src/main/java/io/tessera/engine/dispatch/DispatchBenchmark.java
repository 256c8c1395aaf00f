package io.tessera.engine.dispatch;

import io.tessera.engine.cluster.EmbeddedCluster;
import io.tessera.engine.cluster.LocalClusterSettings;
import io.tessera.engine.cluster.StartupListener;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.connect.ProfileResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;

/**
 * No-op dispatch end to end: submit {@code tasks} one-image tasks, consume them with a handler that does
 * nothing, acknowledge, count and record/publish events (IMAGE_DONE + PROGRESS per task), until the job
 * hash says FINISHED. Baseline, measured in the same run with the same client and payloads: pipelined XADD
 * of the task entries alone (batches of 100), the least a queue on Redis Streams must do per task.
 * Everything lives under a throwaway key prefix, deleted afterwards.
 */
public final class DispatchBenchmark {
    private static final int BATCH = 100;

    /** Rates in tasks per second; {@code ratio} is end-to-end over baseline. */
    public record Result(int tasks, double baselinePerSecond, double submitPerSecond, double endToEndPerSecond, int handlerThreads) {
        public double ratio() {
            return endToEndPerSecond / baselinePerSecond;
        }

        @Override
        public String toString() {
            return String.format("no-op dispatch of %,d tasks: end to end (submit, XREADGROUP, handler, Lua ack + counters + events) %,.0f tasks/s"
                            + " with %d handler threads; submit alone %,.0f tasks/s; baseline (pipelined XADD of the same entries) %,.0f tasks/s;"
                            + " end-to-end/baseline %.2f",
                    tasks, endToEndPerSecond, handlerThreads, submitPerSecond, baselinePerSecond, ratio());
        }
    }

    private DispatchBenchmark() {}

    public static Result run(ConnectionTarget target, int tasks) {
        try (ClusterConnection connection = new ClusterConnection(target)) {
            RedisClient redis = connection.redis();
            once(redis, Math.min(tasks, 2_000)); // warm up the JIT and the server's script cache
            return once(redis, tasks);
        }
    }

    private static Result once(RedisClient redis, int tasks) {
        DispatchKeys keys = new DispatchKeys("bench-" + UUID.randomUUID().toString().substring(0, 8) + ":");
        DispatchSettings settings = settings(4);
        List<Task> work = work(tasks, 1);
        try {
            double baseline = baseline(redis, keys.prefix() + "baseline", work);
            Timing timing = endToEnd(redis, keys, settings, work);
            return new Result(tasks, baseline, tasks / timing.submitSeconds(), tasks / timing.seconds(), settings.handlerThreads());
        } finally {
            KeySpace.delete(redis, keys.prefix());
        }
    }

    /** Wall times of one no-op run: submitting alone, and from the start of submitting until the job hash said FINISHED. */
    public record Timing(double submitSeconds, double seconds) {}

    /**
     * One no-op job of {@code tasks} tasks of {@code imagesPerTask} images each, submitted and worked off by one consumer
     * with {@code handlerThreads} handler threads whose handler does nothing but tell each image finished, under a
     * key prefix of the caller's, which deletes it ({@link KeySpace#delete}). Throws when the job's counters do not add up.
     */
    public static Timing noop(RedisClient redis, String prefix, int tasks, int imagesPerTask, int handlerThreads) {
        return endToEnd(redis, new DispatchKeys(prefix), settings(handlerThreads), work(tasks, imagesPerTask));
    }

    private static DispatchSettings settings(int handlerThreads) {
        return DispatchSettings.defaults().withHandlerThreads(handlerThreads).withPrefetch(4 * BATCH);
    }

    private static List<Task> work(int tasks, int imagesPerTask) {
        List<String> images = IntStream.range(0, tasks * imagesPerTask).mapToObj(i -> "/bench/in/img-" + i + ".jpg").toList();
        return Task.batches("bench", 0, images, imagesPerTask, "{\"ops\":[{\"op\":\"noop\"}]}", Priority.NORMAL);
    }

    private static Timing endToEnd(RedisClient redis, DispatchKeys keys, DispatchSettings settings, List<Task> work) {
        int images = work.stream().mapToInt(t -> t.images().size()).sum();
        try {
            Dispatcher dispatcher = new Dispatcher(redis, keys, settings);
            long began = System.nanoTime();
            dispatcher.submit("bench", work);
            double submitted = seconds(began);
            try (TaskConsumer consumer = new TaskConsumer(redis, keys, settings, "bench", DispatchBenchmark::nothing)) {
                consumer.start();
                while (dispatcher.status("bench").orElseThrow().state() != JobState.FINISHED) {
                    Thread.sleep(5);
                }
            }
            double seconds = seconds(began);
            JobStatus done = dispatcher.status("bench").orElseThrow();
            if (done.counts().done() != images || done.counts().tasksDone() != work.size()) {
                throw new IllegalStateException("the benchmark lost tasks: " + done.counts());
            }
            return new Timing(submitted, seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The no-op handler: every image done, each told finished as a real handler does. */
    private static List<ImageOutcome> nothing(Task task, JobControl control) {
        List<ImageOutcome> outcomes = new ArrayList<>(task.images().size());
        for (String image : task.images()) {
            control.imageFinished();
            outcomes.add(ImageOutcome.done(image, image, Map.of()));
        }
        return outcomes;
    }

    private static double baseline(RedisClient redis, String stream, List<Task> work) {
        List<String> payloads = work.stream().map(Task::toJson).toList();
        long began = System.nanoTime();
        for (int from = 0; from < payloads.size(); from += BATCH) {
            try (AbstractPipeline pipeline = redis.pipelined()) {
                for (String payload : payloads.subList(from, Math.min(payloads.size(), from + BATCH))) {
                    pipeline.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("task", payload));
                }
                pipeline.sync();
            }
        }
        return payloads.size() / seconds(began);
    }

    private static double seconds(long beganNanos) {
        return (System.nanoTime() - beganNanos) / 1e9;
    }

    /** Starts its own embedded cluster in a temporary folder: {@code DispatchBenchmark [tasks]} (default 20,000). */
    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("tessera-bench-dispatch-");
        try (EmbeddedCluster cluster = EmbeddedCluster.start(LocalClusterSettings.freePorts(dir), StartupListener.NONE)) {
            System.out.println(run(ProfileResolver.forEmbedded(cluster), tasks));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
