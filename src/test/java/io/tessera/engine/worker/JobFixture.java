package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.dispatch.ImageOutcome;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.ShardRecord;
import io.tessera.engine.shard.ShardState;
import io.tessera.engine.store.TemporaryNames;
import io.tessera.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A folder of small images in HDFS with two bad files among them, and the checks every reliability test makes of a
 * job over it: exact counters, exactly one output per good input that decodes as an image, no temporaries, the
 * failure list exactly the bad files, every shard ended with its counts.
 */
final class JobFixture {
    static final List<String> BAD = List.of("bad-empty.jpg", "bad-text.png");

    final String input;
    final List<String> good;

    private JobFixture(String input, List<String> good) {
        this.input = input;
        this.good = good;
    }

    /** {@code goodImages} small JPEGs (and the two bad files) under a fresh folder. */
    static JobFixture upload(FileSystem fs, int goodImages) throws IOException {
        String input = "/it-reliability/" + UUID.randomUUID() + "/in";
        List<String> good = IntStream.range(0, goodImages).mapToObj(i -> String.format("img-%04d.jpg", i)).toList();
        for (int i = 0; i < goodImages; i++) {
            write(fs, input + "/" + good.get(i), TestImages.noisyJpeg(48, 36, i));
        }
        write(fs, input + "/" + BAD.get(0), new byte[0]);
        write(fs, input + "/" + BAD.get(1), "text, not a PNG".getBytes());
        return new JobFixture(input, good);
    }

    int images() {
        return good.size() + BAD.size();
    }

    private static void write(FileSystem fs, String path, byte[] bytes) throws IOException {
        try (FSDataOutputStream out = fs.create(new Path(path), true)) {
            out.write(bytes);
        }
    }

    /** The counters a job over this folder ends with, whatever was retried on the way. */
    void assertCounts(JobStatus status, long tasks) {
        JobCounts c = status.counts();
        assertEquals(List.of(tasks, (long) images(), tasks, (long) good.size(), (long) BAD.size(), 0L, 0L),
                List.of(c.tasks(), c.images(), c.tasksDone(), c.done(), c.failed(), c.dead(), c.cancelled()),
                "tasks, images, tasks done, done, failed, dead, cancelled: " + status);
    }

    /** Exactly one output per good input, each decoding as an image; nothing else in the folder (no temporaries). */
    void assertOutputs(FileSystem fs, String output, String extension) throws IOException {
        List<String> names = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(new Path(output), true);
        while (it.hasNext()) {
            names.add(it.next().getPath().toUri().getPath().substring(output.length() + 1));
        }
        List<String> hidden = names.stream().filter(n -> n.startsWith(".") || n.contains("/.") || TemporaryNames.isTemporary(n)).toList();
        assertEquals(List.of(), hidden, "no temporaries left");
        assertEquals(good.stream().map(n -> n + "." + extension).sorted().toList(), names.stream().sorted().toList(), "one output per good input");
        for (String name : names) {
            try (InputStream in = fs.open(new Path(output + "/" + name))) {
                BufferedImage image = ImageIO.read(in);
                assertNotNull(image, name + " decodes as an image");
                assertTrue(image.getWidth() > 0 && image.getHeight() > 0, name);
            }
        }
    }

    /** The job's failure list is exactly the bad files, each once. */
    void assertFailures(JobSubmission submission, String job) {
        List<ImageOutcome.Failed> failures = submission.failures(job, 1_000);
        Set<String> expected = new TreeSet<>(BAD.stream().map(n -> input + "/" + n).toList());
        Set<String> listed = new TreeSet<>(failures.stream().map(ImageOutcome.Failed::input).toList());
        assertEquals(expected, listed, failures.toString());
        assertEquals(BAD.size(), failures.size(), "each failure once: " + failures);
    }

    /** Every shard ends: DONE with all its images, or FAILED with the bad ones counted; waits for the workers' last writes. */
    void assertShardsEnded(ClusterConnection connection, String job) throws Exception {
        PlanStore plans = PlanStore.of(connection);
        await(Duration.ofSeconds(30), () -> plans.read(job).orElseThrow().shards().stream()
                .allMatch(s -> s.state() == ShardState.DONE || s.state() == ShardState.FAILED), () -> summary(plans.read(job).orElseThrow().shards()));
        List<ShardRecord> shards = plans.read(job).orElseThrow().shards();
        assertEquals(good.size(), shards.stream().mapToInt(ShardRecord::done).sum(), summary(shards));
        assertEquals(BAD.size(), shards.stream().mapToInt(ShardRecord::failed).sum(), summary(shards));
        Set<ShardState> ofBad = shards.stream().filter(s -> s.failed() > 0).map(ShardRecord::state).collect(Collectors.toSet());
        assertEquals(Set.of(ShardState.FAILED), ofBad, summary(shards));
    }

    /** Shards in a line each: index, state, done, failed, error. */
    static String summary(List<ShardRecord> shards) {
        return shards.stream().map(s -> s.index() + " " + s.state() + " " + s.done() + "/" + s.failed() + (s.error() == null ? "" : " " + s.error()))
                .collect(Collectors.joining("; "));
    }

    /** {@code target} with a ZooKeeper root of its own: its coordinators elect among themselves and see only its plans. */
    static ConnectionTarget ownRoot(ConnectionTarget target) {
        return new ConnectionTarget(target.profileName() + "+own-root", target.hdfsUri(), target.hdfsConfDir(), target.hdfsUser(),
                target.zooKeeperConnect(), "/t-" + UUID.randomUUID().toString().substring(0, 8), target.zooKeeperDigestUser(),
                target.zooKeeperDigestPassword(), target.redisUri(), target.redisUser(), target.redisPassword(), target.redisTls());
    }

    interface Check {
        boolean holds() throws Exception;
    }

    /** Waits until {@code check} holds; an exception (e.g. Redis restarting) is a "not yet". */
    static void await(Duration timeout, Check check, Callable<String> state) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (Exception | AssertionError notYet) {
                // not yet
            }
            if (System.nanoTime() > deadline) {
                String now;
                try {
                    now = state.call();
                } catch (Exception e) {
                    now = e.toString();
                }
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + now);
            }
            Thread.sleep(50);
        }
    }
}
