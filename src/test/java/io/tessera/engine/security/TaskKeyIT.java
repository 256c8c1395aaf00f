package io.tessera.engine.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.dispatch.Task;
import io.tessera.engine.json.Json;
import io.tessera.engine.zk.SecretNodes;
import io.tessera.engine.zk.ZNodeBrowser;
import io.tessera.engine.zk.ZNodeSearch;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.testing.SharedCluster;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster's task key on the shared ZooKeeper: made once, the same for every process, and never shown by the node browser. */
class TaskKeyIT {
    private final ZkAccess zk = ZkAccess.of(SharedCluster.connection());

    @Test
    void everyProcessOfAClusterSignsWithTheSameKey() throws Exception {
        byte[] first = TaskKey.load(zk);
        assertEquals(32, first.length);
        assertArrayEquals(first, TaskKey.load(zk), "read, not made again");
        Task task = new Task("job-k", "0-0", 0, List.of("/in/a.jpg"), "{}", Priority.NORMAL, 1, null);
        assertNull(TaskKey.signer(zk).refusal(TaskKey.lazySigner(zk).sign(task)));
    }

    @Test
    void theNodeBrowserNeverShowsEditsOrSearchesTheKey() throws Exception {
        byte[] key = TaskKey.load(zk);
        String stored = Json.mapper().readTree(zk.client().getData().forPath(SecretNodes.TASK_KEY)).path("key").asText();
        ZNodeBrowser browser = new ZNodeBrowser(zk);
        String path = zk.absolute(SecretNodes.TASK_KEY);

        String shown = new String(browser.node(path).data(), StandardCharsets.UTF_8);
        assertFalse(shown.contains(stored), shown);
        assertTrue(shown.contains("not shown"), shown);
        IllegalArgumentException edit = assertThrows(IllegalArgumentException.class, () -> browser.setData(path, "x".getBytes(), -1));
        assertTrue(edit.getMessage().contains("task key"), edit.getMessage());
        var found = browser.search(browser.rootPath(), new ZNodeSearch(null, stored.substring(0, 12), 10, 10_000), () -> false);
        assertEquals(List.of(), found.hits(), "a search does not look into the key");
        assertArrayEquals(key, TaskKey.load(zk), "still the same key");
    }
}
