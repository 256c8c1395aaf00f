package io.tessera.console.shards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.shard.ShardState;
import io.tessera.engine.shard.ShardStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shard map's model against a real ZooKeeper: counts follow shard state changes live; a tile lists its shard's images. */
class ShardMapViewModelTest {

    @Test
    void countsByStateFollowAShardThatChangesStateAndATileListsItsImages() throws Exception {
        try (ShardsTesting zk = new ShardsTesting()) {
            ShardsTesting.storeJob(zk.other, "job1", 20, 2);
            ShardMapViewModel map = new ShardMapViewModel(zk.source(), zk.tasks, zk.ui);

            map.refreshJobs();

            assertEquals(List.of("job1"), map.jobs());
            assertEquals("job1", map.job().get());
            assertEquals(10, map.shardCount());
            assertEquals(10, map.count(ShardState.PLANNED).get());
            assertEquals(0, map.count(ShardState.RUNNING).get());
            int revision = map.revision().get();

            new ShardStore(zk.other).claim("job1", 3, "worker-a");

            zk.pulseUntil(() -> map.count(ShardState.RUNNING).get() == 1);
            assertEquals(9, map.count(ShardState.PLANNED).get());
            assertEquals("worker-a", map.shard(3).owner());
            assertTrue(map.revision().get() > revision, "the map is told to redraw");

            map.selectShard(3);

            assertEquals(ShardState.RUNNING, map.selected().get().state());
            assertEquals(List.of("img-06.jpg  ·  1.0 KB", "img-07.jpg  ·  1.0 KB"), map.selectedImages());
            assertEquals("2 images", map.imagesStatus().get());

            new ShardStore(zk.other).finish("job1", 3, "worker-a", ShardState.DONE, null);
            zk.pulseUntil(() -> map.count(ShardState.DONE).get() == 1);
            assertEquals(ShardState.DONE, map.selected().get().state(), "the selected shard follows too");
            assertEquals(0, map.count(ShardState.RUNNING).get());
        }
    }

    @Test
    void thePickerListsTheNewestJobFirstOpensOnItAndNoticesNewJobs() throws Exception {
        try (ShardsTesting zk = new ShardsTesting()) {
            ShardsTesting.storeJob(zk.other, "b-older", 4, 2);
            Thread.sleep(20); // commit markers a few milliseconds apart: ZooKeeper's creation times order them
            ShardsTesting.storeJob(zk.other, "a-newer", 4, 2);
            ShardMapViewModel map = new ShardMapViewModel(zk.source(), zk.tasks, zk.ui);

            map.refreshJobs();

            assertEquals(List.of("a-newer", "b-older"), map.jobs(), "newest first, not by name");
            assertEquals("a-newer", map.job().get());

            map.setShown(true);
            ShardsTesting.storeJob(zk.other, "c-newest", 4, 2);
            zk.pulseUntil(() -> map.jobs().size() == 3);
            assertEquals(List.of("c-newest", "a-newer", "b-older"), map.jobs(), "a new job appears while the panel shows, without Refresh");
            assertEquals("a-newer", map.job().get(), "the job being looked at stays");
        }
    }

    @Test
    void groupingByOwnerPutsEachOwnersTilesInOneBlock() throws Exception {
        try (ShardsTesting zk = new ShardsTesting()) {
            ShardsTesting.storeJob(zk.other, "job2", 8, 1);
            ShardStore shards = new ShardStore(zk.other);
            shards.claim("job2", 1, "w1");
            shards.claim("job2", 5, "w1");
            shards.claim("job2", 2, "w2");
            ShardMapViewModel map = new ShardMapViewModel(zk.source(), zk.tasks, zk.ui);
            map.refreshJobs();

            map.groupByOwner().set(true);
            TileLayout layout = map.layout(800, 600);

            assertEquals(List.of("(no owner)", "w1", "w2"), layout.blocks().stream().map(TileLayout.Block::label).toList());
            assertEquals(List.of(5, 2, 1), layout.blocks().stream().map(TileLayout.Block::tiles).toList());
            TileLayout.Block w1 = layout.blocks().get(1);
            for (int tile : new int[] {1, 5}) {
                assertTrue(layout.x(tile) >= w1.x() && layout.x(tile) + layout.width(tile) <= w1.x() + w1.width() + 1e-6);
                assertTrue(layout.y(tile) >= w1.y() && layout.y(tile) + layout.height(tile) <= w1.y() + w1.height() + 1e-6);
            }
        }
    }
}
