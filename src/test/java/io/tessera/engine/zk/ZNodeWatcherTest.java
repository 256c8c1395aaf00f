package io.tessera.engine.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;

/** Subtree events from a real ZooKeeper, delivered on the executor given. */
class ZNodeWatcherTest {

    @Test
    void changesInTheSubtreeArriveAsSmallEventsOnTheGivenExecutor() throws Exception {
        try (TestingServer server = new TestingServer(true)) {
            String root = ZooKeeperTesting.freshChroot();
            ZkAccess zk = ZooKeeperTesting.connect(server.getConnectString(), root);
            ZNodeBrowser browser = new ZNodeBrowser(zk);
            browser.create(root, new byte[0]);
            browser.create(root + "/watched", new byte[0]);
            browser.create(root + "/watched/existing", new byte[0]);
            browser.create(root + "/elsewhere", new byte[0]);

            ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-ui"));
            List<String> events = new ArrayList<>();
            List<String> threads = new ArrayList<>();
            try (ZNodeWatcher ignored = ZNodeWatcher.watch(zk, root + "/watched", false, ui, event -> {
                synchronized (events) {
                    events.add(event.type() + " " + event.path().substring(root.length())
                            + (event.data() == null || event.data().length == 0 ? "" : " " + new String(event.data(), StandardCharsets.UTF_8)));
                    threads.add(Thread.currentThread().getName());
                }
            })) {
                ZooKeeperTesting.await(Duration.ofSeconds(10), "initialized", () -> snapshot(events).contains("INITIALIZED /watched"));
                // One step at a time: ZooKeeper watches coalesce changes that follow each other too closely.
                browser.create(root + "/watched/new", "v1".getBytes());
                ZooKeeperTesting.await(Duration.ofSeconds(10), "the create arrives", () -> snapshot(events).size() == 2);
                browser.setData(root + "/watched/new", "v2".getBytes(), 0);
                browser.create(root + "/elsewhere/ignored", new byte[0]);
                ZooKeeperTesting.await(Duration.ofSeconds(10), "the change arrives", () -> snapshot(events).size() == 3);
                browser.delete(root + "/watched/new", 1);
                ZooKeeperTesting.await(Duration.ofSeconds(10), "the delete arrives", () -> snapshot(events).size() == 4);
                Thread.sleep(200); // nothing more may come: /elsewhere is not watched
                assertEquals(List.of("INITIALIZED /watched", "CREATED /watched/new v1", "CHANGED /watched/new v2", "DELETED /watched/new v2"), snapshot(events));
                assertTrue(snapshot(threads).stream().allMatch("fake-ui"::equals), threads.toString());
            } finally {
                ui.shutdownNow();
                zk.client().close();
            }
        }
    }

    private static List<String> snapshot(List<String> list) {
        synchronized (list) {
            return new ArrayList<>(list);
        }
    }
}
