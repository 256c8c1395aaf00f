package io.tessera.engine.security;

import static io.tessera.testing.RedisRoleUsers.as;
import static io.tessera.testing.RedisRoleUsers.jedis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.Dispatcher;
import io.tessera.engine.dispatch.JobCatalog;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.dispatch.PrivateRedis;
import io.tessera.engine.dispatch.QueueDepth;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.images.ImageLimits;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.JobSubmission;
import io.tessera.engine.worker.Worker;
import io.tessera.engine.worker.WorkerOptions;
import io.tessera.testing.SharedCluster;
import io.tessera.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.params.XAddParams;

/**
 * The three Redis roles ({@link RedisRoles}, what {@code tessera acl redis} prints) applied to a real Redis 7 (a
 * private redis-server beside the shared HDFS and ZooKeeper): a worker whose Redis user has the worker rules runs a
 * real job end to end while a console user submits, pauses and resumes it; each user is refused what its role must
 * not do, with Redis's NOPERM.
 */
class RedisRolesIT {
    private static final int IMAGES = 24;

    @Test
    @Timeout(180)
    void eachRoleDoesItsJobAndIsRefusedTheRest() throws Exception {
        try (PrivateRedis redis = PrivateRedis.start(PrivateRedis.Persistence.NONE)) {
            ConnectionTarget admin = redis.besides(SharedCluster.target());
            String prefix = "acl-" + UUID.randomUUID().toString().substring(0, 8) + ":";
            DispatchKeys keys = new DispatchKeys(prefix);
            ConnectionTarget console = as(admin, RedisRole.CONSOLE, prefix);
            ConnectionTarget worker = as(admin, RedisRole.WORKER, prefix);
            ConnectionTarget viewer = as(admin, RedisRole.VIEWER, prefix);

            try (ClusterConnection consoleConnection = new ClusterConnection(console);
                 ClusterConnection workerConnection = new ClusterConnection(worker);
                 ClusterConnection viewerConnection = new ClusterConnection(viewer)) {
                FileSystem fs = consoleConnection.fileSystem();
                String base = "/it-acl/" + UUID.randomUUID();
                for (int i = 0; i < IMAGES; i++) {
                    try (FSDataOutputStream out = fs.create(new Path(base + "/in/img-" + i + ".jpg"))) {
                        out.write(TestImages.noisyJpeg(240, 180, i));
                    }
                }
                DispatchSettings settings = DispatchSettings.defaults().withPrefetch(2);
                JobSubmission submission = new JobSubmission(consoleConnection, keys, settings);
                String job = "acl-" + UUID.randomUUID().toString().substring(0, 8);
                submission.submit(new JobRequest(job, base + "/in", base + "/out", Pipeline.parse(List.of("blur:2"), "png"),
                        Priority.NORMAL, new ShardLimits(12, 0), 2));
                assertTrue(submission.dispatcher().pause(job), "the console pauses its job");

                Dispatcher asWorker = new Dispatcher(workerConnection.redis(), keys, settings);
                Dispatcher asViewer = new Dispatcher(viewerConnection.redis(), keys, settings);
                // the viewer reads the job and the queue (the depth script runs read-only)
                assertEquals(JobState.PAUSED, asViewer.status(job).orElseThrow().state());
                QueueDepth depth = asViewer.depth();
                assertEquals(IMAGES / 2, depth.waiting(), depth.toString());

                WorkerOptions options = new WorkerOptions(1, keys, settings.withHandlerThreads(2), ImageLimits.DEFAULT,
                        Duration.ofSeconds(30), Duration.ofMillis(500));
                try (Worker running = Worker.start(workerConnection, options)) {
                    // a worker can neither resume nor cancel: control.lua needs write access to the control hash
                    assertNoPerm(() -> asWorker.resume(job));
                    assertNoPerm(() -> asWorker.cancel(job));
                    assertNoPerm(() -> asViewer.cancel(job));
                    Thread.sleep(1500); // the worker reads the job's tasks and holds them
                    JobStatus held = submission.dispatcher().status(job).orElseThrow();
                    assertEquals(JobState.PAUSED, held.state(), held.toString());
                    assertEquals(0, held.counts().done(), "nothing runs while paused: " + held);

                    assertTrue(submission.dispatcher().resume(job), "the console resumes it");
                    JobStatus finished = await(submission.dispatcher(), job, s -> s.state() == JobState.FINISHED);
                    assertEquals(new JobCounts(IMAGES / 2, IMAGES, IMAGES / 2, IMAGES, 0, 0, 0, 0), finished.counts());
                    assertEquals(IMAGES, running.counters().done(), "every image ran once, as the worker user");
                }
                assertEquals(IMAGES, decodedOutputs(fs, base + "/out"), "one decodable 240x180 PNG per input");

                try (Jedis asWorkerUser = jedis(worker); Jedis asViewerUser = jedis(viewer); Jedis asConsoleUser = jedis(console)) {
                    assertNoPerm(asWorkerUser::flushAll);
                    assertNoPerm(() -> asWorkerUser.set("other:x", "1"));
                    assertNoPerm(() -> asWorkerUser.keys("*"));
                    assertNoPerm(() -> asWorkerUser.hset(keys.control(job), "cancel", "1"));
                    assertNoPerm(() -> asWorkerUser.hset(keys.control(job), "pause", "1"));
                    assertNull(asWorkerUser.hget(keys.control(job), "pause"), "the worker reads the control flags (none left after resume)");
                    assertNoPerm(() -> asViewerUser.hset(keys.job(job), "state", "CANCELLED"));
                    assertNoPerm(() -> asViewerUser.xadd(keys.tasks(Priority.HIGH), XAddParams.xAddParams(), Map.of("task", "{}")));
                    assertNoPerm(asViewerUser::flushAll);
                    assertNoPerm(asConsoleUser::flushAll);
                    assertNoPerm(() -> asConsoleUser.set("other:x", "1"));
                    assertEquals("OK", asConsoleUser.set(prefix + "probe", "1"), "the console writes under the prefix");
                }
                // a viewer cannot submit: the job's Redis keys are refused
                JobSubmission viewerSubmission = new JobSubmission(viewerConnection, keys, settings);
                Exception refused = assertThrows(Exception.class, () -> viewerSubmission.submit(new JobRequest("acl-v-" + UUID.randomUUID().toString().substring(0, 6),
                        base + "/in", base + "/out-viewer", Pipeline.parse(List.of("blur:2"), "png"), Priority.NORMAL, new ShardLimits(12, 0), 2)));
                assertTrue(chain(refused).contains("NOPERM"), chain(refused));
                assertEquals(JobState.FINISHED, asViewer.status(job).orElseThrow().state(), "the viewer still reads it");

                // the job's keys expire: a viewer's listing skips it without pruning (it may not), a console's prunes
                try (Jedis root = jedis(admin)) {
                    root.del(keys.job(job));
                }
                assertTrue(new JobCatalog(viewerConnection.redis(), keys).newest(10).isEmpty());
                assertEquals(List.of(job), viewerConnection.redis().zrange(keys.jobs(), 0, -1), "a viewer prunes nothing");
                assertTrue(new JobCatalog(consoleConnection.redis(), keys).newest(10).isEmpty());
                assertEquals(List.of(), viewerConnection.redis().zrange(keys.jobs(), 0, -1), "a console prunes the index");
            }
        }
    }

    /** {@code admin}'s cluster with a new Redis user of {@code role}, created with the role's rules and a random password. */
    private static void assertNoPerm(Runnable call) {
        JedisAccessControlException refused = assertThrows(JedisAccessControlException.class, call::run);
        assertNotNull(refused.getMessage());
        assertTrue(refused.getMessage().startsWith("NOPERM"), refused.getMessage());
    }

    private static String chain(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable at = t; at != null; at = at.getCause()) {
            all.append(at).append(" | ");
        }
        return all.toString();
    }

    private static int decodedOutputs(FileSystem fs, String folder) throws Exception {
        int decoded = 0;
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(new Path(folder), true);
        while (it.hasNext()) {
            Path path = it.next().getPath();
            try (InputStream in = fs.open(path)) {
                BufferedImage image = ImageIO.read(in);
                assertNotNull(image, path + " decodes");
                assertEquals(240, image.getWidth(), path.toString());
                assertEquals(180, image.getHeight(), path.toString());
                decoded++;
            }
        }
        return decoded;
    }

    private static JobStatus await(Dispatcher dispatcher, String job, Predicate<JobStatus> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            JobStatus status = dispatcher.status(job).orElseThrow();
            if (condition.test(status)) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 90 s: " + status);
            }
            Thread.sleep(50);
        }
    }
}
