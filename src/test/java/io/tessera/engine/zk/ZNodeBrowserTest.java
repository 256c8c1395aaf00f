package io.tessera.engine.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The browsing facade against a real in-process ZooKeeper. */
class ZNodeBrowserTest {
    private static TestingServer server;
    private static ZkAccess zk;
    private static ZNodeBrowser browser;
    private static String root;

    @BeforeAll
    static void start() throws Exception {
        server = new TestingServer(true);
        root = ZooKeeperTesting.freshChroot();
        zk = ZooKeeperTesting.connect(server.getConnectString(), root);
        browser = new ZNodeBrowser(zk);
        ZkTransactions writes = new ZkTransactions(zk, 512 * 1024);
        writes.create("/big", new byte[0]);
        for (int i = 0; i < 10_000; i++) {
            writes.create(String.format("/big/child-%05d", i), ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        writes.create("/big/child-09995/grandchild-a", new byte[0]);
        writes.create("/big/child-09995/grandchild-b", "needle in here".getBytes(StandardCharsets.UTF_8));
        writes.flush();
    }

    @AfterAll
    static void stop() throws Exception {
        zk.client().close();
        server.close();
    }

    @Test
    void aNodeWithTenThousandChildrenIsReadOnePageAtATime() throws Exception {
        assertEquals(root, browser.rootPath());
        ChildPage first = browser.children(root + "/big", 0, 50);
        assertEquals(10_002 - 2, first.total());
        assertEquals(50, first.children().size());
        assertEquals("child-00000", first.children().getFirst().name());

        ChildPage last = browser.children(root + "/big", 9_990, 50);
        assertEquals(10, last.children().size());
        assertEquals(9_990, last.offset());
        ChildPage.Child withKids = last.children().get(5);
        assertEquals("child-09995", withKids.name());
        assertEquals(root + "/big/child-09995", withKids.path());
        assertEquals(2, withKids.numChildren());
        assertFalse(withKids.ephemeral());
        assertEquals(0, last.children().get(4).numChildren());

        assertTrue(browser.children(root + "/big", 20_000, 50).children().isEmpty());
    }

    @Test
    void nodeDetailsCarryDataStatAndAcl() throws Exception {
        ZNode node = browser.node(root + "/big/child-00042");
        assertEquals("{\"n\":42}", new String(node.data(), StandardCharsets.UTF_8));
        assertEquals(0, node.stat().version());
        assertEquals(8, node.stat().dataLength());
        assertTrue(node.stat().created().toEpochMilli() > 0);
        assertEquals(List.of("world:anyone:cdrwa"), node.acl());
        ZNodeException missing = assertThrows(ZNodeException.class, () -> browser.node(root + "/nope"));
        assertEquals(ZNodeException.Kind.NOT_FOUND, missing.kind());
        assertEquals(root + "/nope does not exist (any more)", missing.getMessage());
    }

    @Test
    void editsAreVersionedAndAStaleEditIsRefusedReadably() throws Exception {
        String path = root + "/edited";
        assertEquals(0, browser.create(path, "one".getBytes()).version());
        assertEquals(1, browser.setData(path, "two".getBytes(), 0).version());
        ZNodeException stale = assertThrows(ZNodeException.class, () -> browser.setData(path, "three".getBytes(), 0));
        assertEquals(ZNodeException.Kind.CHANGED_MEANWHILE, stale.kind());
        assertTrue(stale.getMessage().contains("changed by someone else"), stale.getMessage());
        assertEquals(ZNodeException.Kind.ALREADY_EXISTS, assertThrows(ZNodeException.class, () -> browser.create(path, new byte[0])).kind());
        browser.delete(path, 1);
        assertNull(zk.absoluteClient().checkExists().forPath(path));
        assertThrows(IllegalArgumentException.class, () -> browser.delete("/zookeeper/quota", -1));
    }

    @Test
    void aRecursiveDeleteIsCountedFirstAndRemovesExactlyThat() throws Exception {
        String tree = root + "/tree";
        browser.create(tree, new byte[0]);
        for (String p : List.of("/a", "/a/1", "/a/2", "/b", "/b/1", "/b/1/x")) {
            browser.create(tree + p, new byte[0]);
        }
        assertEquals(6, browser.countDescendants(tree));
        ZNodeException notEmpty = assertThrows(ZNodeException.class, () -> browser.delete(tree, -1));
        assertEquals(ZNodeException.Kind.NOT_EMPTY, notEmpty.kind());
        assertEquals(7, browser.deleteRecursive(tree));
        assertNull(zk.absoluteClient().checkExists().forPath(tree));
    }

    @Test
    void searchFindsByPathAndByDataAndStopsWhenCancelled() throws Exception {
        ZNodeSearch.Result byPath = browser.search(root, ZNodeSearch.byPath("GRANDCHILD"), () -> false);
        assertEquals(List.of(root + "/big/child-09995/grandchild-a", root + "/big/child-09995/grandchild-b"),
                byPath.hits().stream().map(ZNodeSearch.Hit::path).toList());
        assertNull(byPath.stoppedEarly());

        ZNodeSearch.Result byData = browser.search(root + "/big", ZNodeSearch.byData("needle"), () -> false);
        assertEquals(1, byData.hits().size());
        assertTrue(byData.hits().getFirst().dataMatched());
        assertEquals("needle in here", byData.hits().getFirst().snippet());

        ZNodeSearch.Result bounded = browser.search(root, new ZNodeSearch("child", null, 10, 100_000), () -> false);
        assertEquals(10, bounded.hits().size());
        assertEquals("found 10 matches", bounded.stoppedEarly());

        AtomicInteger checks = new AtomicInteger();
        ZNodeSearch.Result cancelled = browser.search(root, ZNodeSearch.byData("no such text"), () -> checks.incrementAndGet() > 3);
        assertEquals("cancelled", cancelled.stoppedEarly());
        assertTrue(cancelled.visited() < 10_000, "stopped after " + cancelled.visited());
    }
}
