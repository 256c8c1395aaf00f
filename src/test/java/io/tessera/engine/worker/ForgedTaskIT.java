package io.tessera.engine.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.dispatch.Task;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.security.TaskKey;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.testing.ExactJob;
import io.tessera.testing.SharedCluster;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Someone who can write to Redis but does not hold the cluster's task key writes tasks straight into the task stream:
 * one unsigned, one with a made-up signature, and a copy of a genuine task whose output folder was changed. The worker
 * runs none of them, writes nothing where they point, sets each aside as a dead letter saying why, and goes on to
 * finish a genuine job exactly.
 */
class ForgedTaskIT {
    @Test
    void forgedAndAlteredTasksAreRefusedAndNothingIsWritten() throws Exception {
        ClusterConnection connection = SharedCluster.connection();
        FileSystem fs = connection.fileSystem();
        String run = UUID.randomUUID().toString().substring(0, 8);
        DispatchKeys keys = new DispatchKeys("forged-" + run + ":");
        DispatchSettings settings = DispatchSettings.defaults();
        String folder = "/forged/" + run;
        ExactJob.upload(fs, folder + "/in", ExactJob.smallImages(12));
        String recipe = new JobRecipe(folder + "/in", folder + "/stolen", Pipeline.parse(List.of("thumbnail:24"), "png")).toJson();
        List<String> inputs = List.of(folder + "/in/img-0000.jpg", folder + "/in/img-0001.jpg");

        try (ClusterConnection own = new ClusterConnection(connection.target());
             Worker worker = Worker.start(own, WorkerOptions.defaults(1).withKeys(keys, settings))) {
            // a genuine job first, so the stream and its group exist and a genuine signature is at hand
            JobRequest request = new JobRequest("genuine-" + run, folder + "/in", folder + "/out",
                    Pipeline.parse(List.of("thumbnail:24"), "png"), Priority.NORMAL, new ShardLimits(6, 0), 3);
            ExactJob job = ExactJob.submit(connection, keys, settings, request);
            job.assertFinishedExactly(new JobCounts(4, 12, 4, 12, 0, 0, 0, 0));

            String stream = keys.tasks(Priority.NORMAL);
            Task unsigned = new Task("forged-" + run, "0-0", 0, inputs, recipe, Priority.NORMAL, 1, null);
            Task madeUp = unsigned.withSignature("c2lnbmVkLWJ5LW5vYm9keS1hdC1hbGwtMDEyMzQ1Njc4OQ");
            connection.redis().xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("task", unsigned.toJson()));
            connection.redis().xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("task", madeUp.toJson()));
            // a real signature (the cluster's key) on work that was altered after signing: pointed at another output folder
            String genuineRecipe = new JobRecipe(folder + "/in", folder + "/out", Pipeline.parse(List.of("thumbnail:24"), "png")).toJson();
            Task real = TaskKey.signer(ZkAccess.of(connection)).sign(new Task("genuine-" + run, "9-0", 9, inputs, genuineRecipe, Priority.NORMAL, 1, null));
            Task altered = new Task(real.job(), real.id(), real.shard(), real.images(), recipe, real.priority(), 1, null, real.sig());
            connection.redis().xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("task", altered.toJson()));

            List<StreamEntry> dead = awaitDeadLetters(connection, keys, 3);
            List<String> reasons = dead.stream().map(e -> e.getFields().get("error")).toList();
            assertTrue(reasons.get(0).contains("refused by worker " + worker.id() + ": the task is not signed"), reasons.toString());
            assertTrue(reasons.get(1).contains("signature does not match"), reasons.toString());
            assertTrue(reasons.get(2).contains("signature does not match"), reasons.toString());
            assertEquals("forged-" + run, dead.get(0).getFields().get("job"));
            assertEquals(altered.toJson(), dead.get(2).getFields().get("task"), "set aside as it came");
            assertEquals(0, connection.redis().xlen(stream), "no forged entry left on the task stream");
            assertFalse(fs.exists(new Path(folder + "/stolen")), "nothing written where the forged tasks pointed");
            assertEquals(12, fs.listStatus(new Path(folder + "/out")).length, "the genuine job's outputs alone");
        }
    }

    private static List<StreamEntry> awaitDeadLetters(ClusterConnection connection, DispatchKeys keys, int count) throws InterruptedException {
        long deadline = System.nanoTime() + ExactJob.PATIENCE.toNanos();
        while (true) {
            List<StreamEntry> dead = connection.redis().xrange(keys.dead(), "-", "+");
            if (dead.size() >= count || System.nanoTime() > deadline) {
                return dead;
            }
            Thread.sleep(50);
        }
    }
}
