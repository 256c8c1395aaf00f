package io.tessera.engine.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.zk.ZNodeException;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.engine.zk.ZooKeeperTesting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.test.TestingServer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan store against a real in-process ZooKeeper, with manifests on the local file system through Hadoop's API. */
class PlanStoreTest {
    private static TestingServer server;
    private ZkAccess zk;

    @TempDir
    Path hdfsRoot;

    @BeforeAll
    static void startServer() throws Exception {
        server = new TestingServer(true);
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @BeforeEach
    void connect() throws Exception {
        zk = ZooKeeperTesting.connect(server.getConnectString(), ZooKeeperTesting.freshChroot());
    }

    @AfterEach
    void close() {
        zk.client().close();
    }

    @Test
    void aSmallPlanIsWrittenInOneTransactionAndReadBackWhole() throws Exception {
        PlanStore store = new PlanStore(zk, null, PlanStoreSettings.DEFAULT);
        ShardPlan plan = ShardPlanner.plan(images(20, 1_000), new ShardLimits(4, 0));
        JobSpec job = store.store("job-1", "/tessera/sets/a", List.of("thumbnail"), new ShardLimits(4, 0), plan);

        CommittedPlan read = store.read("job-1").orElseThrow();
        assertEquals(job, read.job());
        assertEquals(5, read.shards().size());
        for (ShardRecord shard : read.shards()) {
            assertEquals(ShardState.PLANNED, shard.state());
            assertEquals(plan.shards().get(shard.index()).images(), store.inputsOf(shard));
        }
        assertEquals(List.of("job-1"), store.committedJobIds());
        assertEquals(czxid("/jobs/job-1"), czxid("/jobs/job-1/committed"), "one transaction, one zxid");
    }

    @Test
    void aLargePlanSpansTransactionsAndAConcurrentReaderNeverSeesItPartial() throws Exception {
        PlanStore store = new PlanStore(zk, null, new PlanStoreSettings(8 * 1024, 16 * 1024));
        ShardPlan plan = ShardPlanner.plan(images(3_000, 500), new ShardLimits(3, 0));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger wholeSightings = new AtomicInteger();
        List<String> partial = new ArrayList<>();
        ZkAccess readerSession = ZooKeeperTesting.connect(server.getConnectString(), zk.root());
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            PlanStore readerStore = new PlanStore(readerSession, null, PlanStoreSettings.DEFAULT);
            try {
                while (writing.get() || wholeSightings.get() == 0) {
                    Optional<CommittedPlan> seen = readerStore.read("big");
                    if (seen.isPresent()) {
                        if (seen.get().shards().size() != 1_000) {
                            partial.add("read() gave " + seen.get().shards().size() + " shards");
                        }
                        wholeSightings.incrementAndGet();
                    }
                    if (readerStore.committedJobIds().contains("big") && readerSession.client().getChildren().forPath("/jobs/big/shards").size() != 1_000) {
                        partial.add("committed but shards missing");
                    }
                }
            } catch (Exception e) {
                partial.add(e.toString());
            }
        });
        try {
            store.store("big", "/in", List.of(), new ShardLimits(3, 0), plan);
        } finally {
            writing.set(false);
        }
        reader.get();
        readerSession.client().close();
        assertEquals(List.of(), partial);
        assertTrue(wholeSightings.get() > 0);
        assertTrue(czxid("/jobs/big") < czxid("/jobs/big/committed"), "the plan needed several transactions");
    }

    @Test
    void longInputListsGoToAManifestWhoseChecksumIsVerified() throws Exception {
        // Raw: no .crc side files, so a rewritten manifest reaches our own SHA-256 check (as one replaced on HDFS would).
        FileSystem fs = FileSystem.getLocal(new Configuration()).getRawFileSystem();
        ManifestStore manifests = new ManifestStore(fs, hdfsRoot.toString());
        PlanStore store = new PlanStore(zk, manifests, new PlanStoreSettings(1_024, 512 * 1024));
        ShardPlan plan = ShardPlanner.plan(images(500, 100), new ShardLimits(250, 0));
        store.store("m", "/in", List.of(), new ShardLimits(250, 0), plan);

        ShardRecord first = store.read("m").orElseThrow().shards().getFirst();
        assertNull(first.inputs());
        assertNotNull(first.manifest());
        assertEquals(plan.shards().getFirst().images(), store.inputsOf(first));

        Path file = Path.of(first.manifest().path());
        Files.writeString(file, Files.readString(file).replace("img-00001.jpg", "img-99999.jpg"));
        IOException damaged = assertThrows(IOException.class, () -> store.inputsOf(first));
        assertTrue(damaged.getMessage().contains("changed or damaged after planning"), damaged.getMessage());

        store.delete("m");
        assertFalse(Files.exists(hdfsRoot.resolve("jobs/m")));
        assertTrue(store.read("m").isEmpty());
        assertNull(zk.client().checkExists().forPath("/jobs/m"));
    }

    @Test
    void aJobWithoutTheMarkerIsInvisibleAndCanBeCleanedUp() throws Exception {
        PlanStore store = new PlanStore(zk, null, PlanStoreSettings.DEFAULT);
        zk.client().create().creatingParentsIfNeeded().forPath("/jobs/half/shards/00000", "{}".getBytes());
        assertTrue(store.read("half").isEmpty());
        assertEquals(List.of(), store.committedJobIds());
        assertEquals(List.of("half"), store.uncommittedJobIds());
        store.delete("half");
        assertEquals(List.of(), store.uncommittedJobIds());
    }

    @Test
    void aJobIdIsTakenOnce() throws Exception {
        PlanStore store = new PlanStore(zk, null, PlanStoreSettings.DEFAULT);
        ShardPlan plan = ShardPlanner.plan(images(3, 10), ShardLimits.DEFAULT);
        store.store("once", "/in", List.of(), ShardLimits.DEFAULT, plan);
        ZNodeException again = assertThrows(ZNodeException.class, () -> store.store("once", "/in", List.of(), ShardLimits.DEFAULT, plan));
        assertEquals(ZNodeException.Kind.ALREADY_EXISTS, again.kind());
        assertThrows(IllegalArgumentException.class, () -> store.store("../x", "/in", List.of(), ShardLimits.DEFAULT, plan));
    }

    private long czxid(String path) throws Exception {
        Stat stat = zk.client().checkExists().forPath(path);
        return stat.getCzxid();
    }

    static List<ImageFile> images(int count, long size) {
        List<ImageFile> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add(new ImageFile(String.format("folder/img-%05d.jpg", i), size));
        }
        return images;
    }
}
