package io.tessera.console.shards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.zk.ZkTransactions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tree against a real ZooKeeper: pages of a crowded node, live creates and deletes without a reload. */
class ZNodeTreeViewModelTest {

    @Test
    void aNodeWithTenThousandChildrenShowsOnePageAndLoadsMoreOnDemand() throws Exception {
        try (ShardsTesting zk = new ShardsTesting()) {
            zk.other.ensurePath("/big");
            ZkTransactions writes = new ZkTransactions(zk.other, 512 * 1024);
            for (int i = 0; i < 10_000; i++) {
                writes.create(String.format("/big/c%05d", i), new byte[0]);
            }
            writes.flush();
            ZNodeTreeViewModel tree = new ZNodeTreeViewModel(zk.source(), zk.tasks, zk.ui, 200);

            tree.showTop(zk.chroot + "/big");

            ZNodeEntry top = tree.top().get();
            assertEquals(10_000, top.numChildren().get());
            assertEquals(201, top.children().size(), "one page of 200, then the load-more row");
            assertEquals("c00000", top.children().getFirst().name());
            assertEquals("c00199", top.children().get(199).name());
            ZNodeEntry more = top.children().getLast();
            assertTrue(more.isMore());
            assertEquals("load more (9,800 remaining)", more.label());

            tree.loadMore(more);

            assertEquals(401, top.children().size());
            assertEquals("c00399", top.children().get(399).name());
            assertEquals("load more (9,600 remaining)", top.children().getLast().label());
            assertEquals("", tree.problem().get());
        }
    }

    @Test
    void nodesCreatedAndDeletedElsewhereReachTheTreeWithoutAReload() throws Exception {
        try (ShardsTesting zk = new ShardsTesting()) {
            zk.other.ensurePath("/jobs/j1");
            ZNodeTreeViewModel tree = new ZNodeTreeViewModel(zk.source(), zk.tasks, zk.ui, 200);
            tree.showTop(zk.chroot);
            ZNodeEntry jobs = tree.entry(zk.chroot + "/jobs");
            assertNotNull(jobs);
            jobs.expanded().set(true);
            assertEquals(List.of("j1"), names(jobs));
            zk.pulseUntil(() -> tree.liveStatus().get().equals("live"));
            ZNodeEntry firstChild = jobs.children().getFirst();

            zk.other.client().create().forPath("/jobs/j0", "hello".getBytes(StandardCharsets.UTF_8));
            zk.pulseUntil(() -> names(jobs).equals(List.of("j0", "j1")));
            assertEquals(2, jobs.numChildren().get());
            assertEquals(5, tree.entry(zk.chroot + "/jobs/j0").dataLength().get());
            assertTrue(jobs.children().get(1) == firstChild, "the existing row stays: no reload");

            zk.other.client().delete().forPath("/jobs/j1");
            zk.pulseUntil(() -> names(jobs).equals(List.of("j0")));
            assertEquals(1, jobs.numChildren().get());
            assertNull(tree.entry(zk.chroot + "/jobs/j1"));
        }
    }

    @Test
    void jumpingToAPathOpensTheRowsOnTheWayAndSelectsIt() throws Exception {
        try (ShardsTesting zk = new ShardsTesting()) {
            zk.other.ensurePath("/jobs/j1/shards/00007");
            ZNodeTreeViewModel tree = new ZNodeTreeViewModel(zk.source(), zk.tasks, zk.ui, 200);
            tree.showTop(zk.chroot);

            tree.jumpTo(zk.chroot + "/jobs/j1/shards/00007/");

            assertEquals(zk.chroot + "/jobs/j1/shards/00007", tree.selected().get().path());
            assertTrue(tree.entry(zk.chroot + "/jobs/j1").expanded().get());

            tree.jumpTo("/zookeeper");
            assertEquals("/zookeeper", tree.top().get().path(), "outside the top path, the jump becomes the top");
        }
    }

    private static List<String> names(ZNodeEntry parent) {
        return parent.children().stream().map(ZNodeEntry::name).toList();
    }
}
