package io.tessera.engine.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.connect.ClientFactory;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.store.TemporaryNames;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.engine.zk.ZooKeeperTesting;
import io.tessera.testing.SharedCluster;
import java.io.FileNotFoundException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** Listing, planning and manifests on the real embedded HDFS, with the plan stored in its ZooKeeper. */
class HdfsPlanningTest {

    @Test
    void anHdfsFolderIsListedRecursivelyImagesOnlyAndPlannedWithManifestsOnHdfs() throws Exception {
        ConnectionTarget target = SharedCluster.target();
        try (FileSystem fs = ClientFactory.fileSystem(target, Duration.ofSeconds(10), false)) {
            String input = "/tessera/test-sets/planning-" + System.nanoTime();
            List<String> images = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String name = (i % 3 == 0 ? "sub dir/" : i % 3 == 1 ? "a/b/" : "") + "photo ü " + i + (i % 2 == 0 ? ".jpg" : ".PNG");
                write(fs, input + "/" + name, 100 + i);
                images.add(name);
            }
            write(fs, input + "/notes.txt", 10);
            write(fs, input + "/_derived/job/thumb.jpg", 10);
            write(fs, input + "/a/.upload.jpg.tmp", 10);
            write(fs, input + "/.hidden/x.jpg", 10);
            write(fs, input + "/..%2F..%2Fescape.jpg", 10);
            write(fs, input + "/sub dir/" + TemporaryNames.of(TemporaryNames.Kind.UPLOAD, "y.jpg"), 10);

            List<ImageFile> listed = new ArrayList<>();
            LeftOut.Tally leftOut = new LeftOut.Tally();
            HdfsImageLister.images(fs, input, leftOut).forEach(listed::add);
            assertEquals(Set.copyOf(images), Set.copyOf(listed.stream().map(ImageFile::path).toList()));
            assertEquals(new LeftOut(1, 2, 2, 1), leftOut.snapshot(), "a temporary, two in hidden folders, two hidden names, one not an image");
            assertEquals(100 + 7, listed.stream().filter(f -> f.path().equals("a/b/photo ü 7.PNG")).findFirst().orElseThrow().size());
            assertThrows(FileNotFoundException.class, () -> HdfsImageLister.images(fs, input + "/missing"));

            ZkAccess zk = ZooKeeperTesting.connect(target.zooKeeperConnect(), ZooKeeperTesting.freshChroot());
            try {
                ManifestStore manifests = new ManifestStore(fs, "/tessera");
                PlanStore store = new PlanStore(zk, manifests, new PlanStoreSettings(256, 512 * 1024));
                ShardLimits limits = new ShardLimits(10, 0);
                String jobId = "hdfs-" + System.nanoTime();
                store.store(jobId, input, List.of("thumbnail"), limits, ShardPlanner.plan(HdfsImageLister.images(fs, input), limits));

                CommittedPlan plan = store.read(jobId).orElseThrow();
                assertEquals(3, plan.shards().size());
                List<String> fromManifests = new ArrayList<>();
                for (ShardRecord shard : plan.shards()) {
                    assertTrue(shard.manifest() != null && fs.exists(new Path(shard.manifest().path())), "shard " + shard.index() + " has a manifest on HDFS");
                    store.inputsOf(shard).forEach(f -> fromManifests.add(f.path()));
                }
                assertEquals(images.stream().sorted().toList(), fromManifests);
                store.delete(jobId);
                assertTrue(!fs.exists(manifests.jobFolder(jobId)));
            } finally {
                zk.client().close();
            }
        }
    }

    /**
     * Manifests are written by several threads at once; one that cannot be written (its place taken by a folder with
     * something in it) fails the store, and none of the job's manifests, nor any of its znodes, is left behind.
     */
    @Test
    void aManifestThatCannotBeWrittenFailsTheStoreAndLeavesNoManifestBehind() throws Exception {
        ConnectionTarget target = SharedCluster.target();
        try (FileSystem fs = ClientFactory.fileSystem(target, Duration.ofSeconds(10), false)) {
            ZkAccess zk = ZooKeeperTesting.connect(target.zooKeeperConnect(), ZooKeeperTesting.freshChroot());
            try {
                ManifestStore manifests = new ManifestStore(fs, "/tessera");
                PlanStore store = new PlanStore(zk, manifests, new PlanStoreSettings(256, 512 * 1024));
                String jobId = "hdfs-broken-" + System.nanoTime();
                List<ImageFile> listing = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    listing.add(new ImageFile("dir/photo-" + i + ".jpg", 1_000 + i));
                }
                ShardPlan plan = ShardPlanner.plan(listing, new ShardLimits(10, 0));
                assertTrue(plan.shards().size() > 17, "shard 17 is planned");
                write(fs, new Path(new Path(manifests.jobFolder(jobId), "manifests"), "shard-00017.jsonl/in-the-way").toString(), 1);

                java.io.IOException failed = assertThrows(java.io.IOException.class,
                        () -> store.store(jobId, "/in", List.of("thumbnail"), new ShardLimits(10, 0), plan));

                assertTrue(failed.getMessage().contains("shard-00017"), failed.getMessage());
                assertTrue(!fs.exists(manifests.jobFolder(jobId)), "no manifest of the job is left");
                assertTrue(store.readJob(jobId).isEmpty(), "nothing in ZooKeeper");
            } finally {
                zk.client().close();
            }
        }
    }

    private static void write(FileSystem fs, String path, int bytes) throws Exception {
        try (OutputStream out = fs.create(new Path(path))) {
            out.write(new byte[bytes]);
        }
    }
}
