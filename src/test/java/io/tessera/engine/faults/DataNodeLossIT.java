package io.tessera.engine.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.cluster.MultiNodeHdfs;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.Worker;
import io.tessera.engine.worker.WorkerOptions;
import io.tessera.testing.ExactJob;
import io.tessera.testing.SharedCluster;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;

/**
 * A DataNode dies (SIGKILL of its JVM) in the middle of a job on an HDFS of three DataNodes where every block
 * has three replicas. Readers skip the dead replica, open write pipelines drop the dead node and carry on with
 * the other two, and new blocks that the NameNode (which has not noticed yet) gives the dead node exclude it and
 * ask again: the workers never notice, so no task is even retried, and the job finishes exactly.
 */
class DataNodeLossIT {
    private static final int IMAGES = 300;
    private static final int PER_TASK = 5;

    @Test
    void aDataNodeKilledMidJobIsRoutedAroundAndTheJobFinishesExactly() throws Exception {
        Path base = Path.of(System.getProperty("tessera.test.tmp", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(base);
        try (MultiNodeHdfs hdfs = MultiNodeHdfs.start(Files.createTempDirectory(base, "three-datanodes-"), 2, 1);
             ClusterConnection connection = new ClusterConnection(hdfs.besides(SharedCluster.target()))) {
            FileSystem fs = connection.fileSystem();
            String folder = "/faults/datanode-" + UUID.randomUUID().toString().substring(0, 8);
            ExactJob.upload(fs, folder + "/in", ExactJob.smallImages(IMAGES));
            FileStatus anInput = fs.getFileStatus(new org.apache.hadoop.fs.Path(folder + "/in/img-0000.jpg"));
            assertEquals(3, fs.getFileBlockLocations(anInput, 0, anInput.getLen())[0].getNames().length, "every block on all three DataNodes");

            String run = UUID.randomUUID().toString().substring(0, 8);
            DispatchKeys keys = new DispatchKeys("datanode-" + run + ":");
            DispatchSettings settings = DispatchSettings.defaults();
            List<AutoCloseable> closing = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    ClusterConnection own = new ClusterConnection(connection.target()); // as on a machine of its own
                    closing.add(own);
                    closing.add(Worker.start(own, WorkerOptions.defaults(2).withKeys(keys, settings)));
                }
                ExactJob job = ExactJob.submit(connection, keys, settings, new JobRequest("datanode-" + run, folder + "/in", folder + "/out",
                        Pipeline.parse(List.of("thumbnail:24"), "png"), Priority.NORMAL, new ShardLimits(50, 0), PER_TASK));

                // A file open for writing across the kill: its block's pipeline runs through all three DataNodes.
                byte[] witness = new byte[2 << 20];
                new Random(1).nextBytes(witness);
                FSDataOutputStream open = fs.create(new org.apache.hadoop.fs.Path(folder + "/witness.bin"));
                open.write(witness, 0, witness.length / 2);

                job.awaitSettledImages(IMAGES / 3);
                hdfs.killDataNodeProcess(0);
                JobCounts atKill = job.counts();
                open.write(witness, witness.length / 2, witness.length / 2);
                open.close();

                int tasks = IMAGES / PER_TASK;
                job.assertFinishedExactly(new JobCounts(tasks, IMAGES, tasks, IMAGES, 0, 0, 0, 0));
                assertTrue(atKill.done() < IMAGES, "the DataNode died mid-job: " + atKill);
                try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(folder + "/witness.bin"))) {
                    assertArrayEquals(witness, in.readAllBytes(), "the file written across the kill reads back whole");
                }
                FileStatus written = fs.getFileStatus(new org.apache.hadoop.fs.Path(folder + "/witness.bin"));
                for (BlockLocation block : fs.getFileBlockLocations(written, 0, written.getLen())) {
                    assertEquals(2, block.getNames().length, "the pipeline went on with the two DataNodes left");
                }
            } finally {
                for (AutoCloseable c : closing.reversed()) {
                    c.close();
                }
            }
        }
    }
}
