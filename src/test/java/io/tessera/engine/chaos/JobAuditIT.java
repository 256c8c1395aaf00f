package io.tessera.engine.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.events.Event;
import io.tessera.engine.events.EventPublisher;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.worker.JobRecipe;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.Worker;
import io.tessera.engine.worker.WorkerOptions;
import io.tessera.testing.ExactJob;
import io.tessera.testing.SharedCluster;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** The judge of fault tests and of `bench chaos` must see each kind of damage: a clean job first, then one of each. */
class JobAuditIT {
    @Test
    void aCleanJobPassesAndEachKindOfDamageIsNamed() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String folder = "/it-audit/" + run;
        DispatchKeys keys = new DispatchKeys("audit-" + run + ":");
        try (ClusterConnection connection = new ClusterConnection(SharedCluster.target())) {
            FileSystem fs = connection.fileSystem();
            ExactJob.upload(fs, folder + "/in", ExactJob.smallImages(6));
            JobRequest request = new JobRequest("audit-" + run, folder + "/in", folder + "/out", Pipeline.parse(List.of("thumbnail:16"), "png"),
                    Priority.NORMAL, new ShardLimits(10, 0), 2);
            try (Worker ignored = Worker.start(connection, WorkerOptions.defaults(2).withKeys(keys, DispatchSettings.defaults()))) {
                ExactJob.submit(connection, keys, DispatchSettings.defaults(), request).assertFinishedExactly(new JobCounts(3, 6, 3, 6, 0, 0, 0, 0));
            }
            JobRecipe recipe = request.recipe();
            assertTrue(JobAudit.of(connection, keys, request.jobId(), recipe).clean());

            String in = folder + "/in/";
            fs.delete(new Path(recipe.outputFor(in + "img-0000.jpg")), false);
            write(fs, recipe.outputFor(in + "img-0001.jpg"), "not a PNG any more".getBytes());
            write(fs, folder + "/out/.img-0002.jpg.png.tmp-" + UUID.randomUUID(), new byte[10]);
            write(fs, folder + "/out/notes.txt", "hello".getBytes());
            new EventPublisher(connection.redis(), keys.events(), EventPublisher.DEFAULT_MAX_LEN)
                    .publish(Event.imageDone(request.jobId(), "w", in + "img-0003.jpg", recipe.outputFor(in + "img-0003.jpg"), Map.of()));

            JobAudit.Report damaged = JobAudit.of(connection, keys, request.jobId(), recipe);
            assertFalse(damaged.clean());
            assertEquals(List.of(in + "img-0000.jpg", in + "img-0001.jpg"), damaged.lost(), "no output, or only one that does not decode");
            assertEquals(List.of(in + "img-0003.jpg"), damaged.duplicated(), "two outcome events");
            assertEquals(1, damaged.undecodable().size());
            assertTrue(damaged.undecodable().getFirst().startsWith(recipe.outputFor(in + "img-0001.jpg") + ": "), damaged.undecodable().toString());
            assertEquals(1, damaged.temporaries().size());
            assertEquals(List.of(folder + "/out/notes.txt"), damaged.strays());
            assertEquals(List.of(), damaged.unrecorded());
            assertEquals(4, damaged.outputs());
        }
    }

    private static void write(FileSystem fs, String path, byte[] bytes) throws Exception {
        try (OutputStream out = fs.create(new Path(path), true)) {
            out.write(bytes);
        }
    }
}
