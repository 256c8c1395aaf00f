package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.ImageOutcome;
import io.tessera.engine.dispatch.JobControl;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.dispatch.Task;
import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventReplay;
import io.tessera.engine.events.EventType;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real job on the shared embedded cluster: good images and hostile files in HDFS, planned in ZooKeeper,
 * dispatched over Redis, run by an in-process {@link Worker}: one output per good image, reasons for the bad.
 */
class PipelineJobIT {
    private static final Map<String, byte[]> GOOD = Map.of(
            "a.jpg", TestImages.jpeg(640, 480),
            "b.png", TestImages.png(300, 500),
            "sub/c d.jpg", TestImages.noisyJpeg(800, 600, 3),
            "sub/ü.jpeg", TestImages.jpeg(100, 80),
            "e.bmp", TestImages.encode(TestImages.picture(120, 90, BufferedImage.TYPE_INT_RGB), "bmp"),
            "a.png", TestImages.png(64, 64));
    private static final Map<String, String> BAD = Map.of(
            "empty.jpg", "empty",
            "truncated.jpg", "truncated",
            "text.png", "not an image",
            "random.jpg", "not an image",
            "bomb.png", "60000×60000");

    private static ClusterConnection connection;
    private static FileSystem fs;
    private static DispatchKeys keys;
    private static DispatchSettings settings;

    @BeforeAll
    static void connect() throws IOException {
        connection = new ClusterConnection(SharedCluster.target());
        fs = connection.fileSystem();
        keys = new DispatchKeys("ops-" + UUID.randomUUID().toString().substring(0, 8) + ":");
        settings = DispatchSettings.defaults().withPrefetch(4).withRetries(3, Duration.ofMillis(50), Duration.ofMillis(400));
    }

    @AfterAll
    static void disconnect() {
        connection.close();
    }

    private static String upload(String base) throws IOException {
        String input = base + "/in";
        GOOD.forEach((name, bytes) -> write(input + "/" + name, bytes));
        write(input + "/empty.jpg", new byte[0]);
        write(input + "/truncated.jpg", TestImages.truncatedJpeg());
        write(input + "/text.png", "this is text, not a PNG".getBytes());
        write(input + "/random.jpg", TestImages.randomBytes(20_000, 11));
        write(input + "/bomb.png", TestImages.pngClaiming(60000, 60000));
        return input;
    }

    private static void write(String path, byte[] bytes) {
        try (FSDataOutputStream out = fs.create(new Path(path), true)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> files(String folder) throws IOException {
        List<String> names = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(new Path(folder), true);
        while (it.hasNext()) {
            names.add(it.next().getPath().toUri().getPath().substring(folder.length() + 1));
        }
        return names.stream().sorted().toList();
    }

    @Test
    void everyGoodImageGetsExactlyOneOutputAndEveryBadOneAReason() throws Exception {
        String base = "/it-ops/" + UUID.randomUUID();
        String input = upload(base);
        String job = "ops-job-" + UUID.randomUUID().toString().substring(0, 8);
        Pipeline pipeline = Pipeline.parse(List.of("thumbnail:128", "grayscale", "dhash", "format:png"), null);
        JobRequest request = new JobRequest(job, input, null, pipeline, Priority.HIGH, new ShardLimits(4, 0), 3);
        JobSubmission submission = new JobSubmission(connection, keys, settings);

        JobSubmission.Estimate estimate = submission.estimate(request);
        assertEquals(11, estimate.images());
        assertEquals(3, estimate.shards());
        assertEquals(base + "/_derived/" + job + "/thumbnail-128_grayscale_dhash", estimate.output());

        submission.submit(request);
        JobStatus status;
        try (Worker worker = Worker.start(connection, WorkerOptions.defaults(2).withKeys(keys, settings))) {
            status = submission.await(job, Duration.ofMillis(100), Duration.ofSeconds(60), s -> { });
            assertEquals(6, worker.counters().done());
            assertEquals(5, worker.counters().failed());
        }

        assertEquals(JobState.FINISHED, status.state());
        JobCounts counts = status.counts();
        assertEquals(List.of(11L, 6L, 5L, 0L), List.of(counts.images(), counts.done(), counts.failed(), counts.dead()));
        List<String> expected = GOOD.keySet().stream().map(name -> name + ".png").sorted().toList();
        assertEquals(expected, files(estimate.output()), "one output per good input, no temporaries left");
        for (String name : expected) {
            BufferedImage out = ImageIO.read(fs.open(new Path(estimate.output() + "/" + name)));
            assertTrue(Math.max(out.getWidth(), out.getHeight()) <= 128, name);
        }

        List<Event> events = new EventReplay(connection.redis(), keys.events()).after(null, 10_000).stream()
                .filter(e -> job.equals(e.job())).toList();
        Map<String, String> reasons = events.stream().filter(e -> e.type() == EventType.IMAGE_FAILED)
                .collect(Collectors.toMap(e -> e.input().substring(input.length() + 1), Event::reason));
        assertEquals(BAD.keySet(), reasons.keySet());
        BAD.forEach((name, why) -> assertTrue(reasons.get(name).toLowerCase().contains(why.toLowerCase()), name + ": " + reasons.get(name)));
        assertTrue(events.stream().filter(e -> e.type() == EventType.IMAGE_DONE).allMatch(e -> ((String) e.metrics().get("dhash")).length() == 16));

        // the same gradient picture at 640×480 and 100×80 is one near-duplicate group; the noise image is in none
        List<List<String>> groups = submission.duplicates(job, 6);
        assertTrue(groups.stream().anyMatch(g -> g.contains(input + "/a.jpg") && g.contains(input + "/sub/ü.jpeg")), groups.toString());
        assertTrue(groups.stream().noneMatch(g -> g.contains(input + "/sub/c d.jpg")), groups.toString());
    }

    @Test
    void runningTheSameTaskTwiceLeavesOneOutputPerInput() throws Exception {
        String base = "/it-ops/" + UUID.randomUUID();
        String input = upload(base);
        JobRecipe recipe = new JobRecipe(input, base + "/out", Pipeline.parse(List.of("resize:w=50"), "jpeg"));
        List<String> images = GOOD.keySet().stream().map(name -> input + "/" + name).sorted().toList();
        Task task = new Task("twice", "0-0", 0, images, recipe.toJson(), Priority.NORMAL, 1, null);
        try (ImageProcessor processor = new ImageProcessor(ImageLimits.DEFAULT, Duration.ofSeconds(30))) {
            PipelineHandler handler = new PipelineHandler(fs, processor, new WorkerCounters());
            List<ImageOutcome> first = handler.handle(task, ALWAYS);
            List<ImageOutcome> again = handler.handle(task.withAttempt(2, "lost its worker"), ALWAYS);
            assertEquals(outputs(first), outputs(again), "the retry names the same outputs");
            assertTrue(first.stream().allMatch(o -> o instanceof ImageOutcome.Done), first.toString());
        }
        assertEquals(GOOD.keySet().stream().map(name -> name + ".jpg").sorted().toList(), files(base + "/out"));
    }

    private static List<String> outputs(List<ImageOutcome> outcomes) {
        return outcomes.stream().map(o -> o instanceof ImageOutcome.Done d ? d.output() : "failed " + o.input()).toList();
    }

    private static final JobControl ALWAYS = new JobControl() {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isPaused() {
            return false;
        }

        @Override
        public boolean proceed() {
            return true;
        }
    };
}
