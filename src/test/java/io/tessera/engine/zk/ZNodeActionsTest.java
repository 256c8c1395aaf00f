package io.tessera.engine.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.actions.ActionGate;
import io.tessera.engine.actions.ReadOnlyException;
import io.tessera.engine.actions.WriteAccess;
import io.tessera.engine.audit.AuditActions;
import io.tessera.engine.audit.AuditEvent;
import io.tessera.engine.audit.AuditResult;
import io.tessera.testing.RecordingTrail;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creating, editing and deleting znodes through {@link ZNodeActions}: one record each, the data's size but never the data. */
class ZNodeActionsTest {
    private TestingServer server;
    private ZkAccess zk;
    private String root;
    private final RecordingTrail trail = new RecordingTrail();

    @BeforeEach
    void start() throws Exception {
        server = new TestingServer(true);
        root = ZooKeeperTesting.freshChroot();
        zk = ZooKeeperTesting.connect(server.getConnectString(), root);
        zk.ensurePath("/jobs");
    }

    @AfterEach
    void stop() throws Exception {
        zk.client().close();
        server.close();
    }

    @Test
    void createEditAndDeleteAreRecordedOnceEach() throws Exception {
        ZNodeBrowser browser = new ZNodeBrowser(zk);
        ZNodeActions actions = new ZNodeActions(browser, new ActionGate(trail, WriteAccess.ALLOWED));
        String node = root + "/jobs/note";

        actions.create(node, "secret-looking text".getBytes(StandardCharsets.UTF_8));
        AuditEvent created = trail.expectOne(AuditActions.ZNODE_CREATE, List.of(node), AuditResult.DONE);
        assertEquals("19", created.parameters().get("bytes"));
        assertFalse(created.toString().contains("secret-looking"), "the data is never recorded");

        assertThrows(ZNodeException.class, () -> actions.create(node, new byte[0]));
        AuditEvent clash = trail.expectOne(AuditActions.ZNODE_CREATE, List.of(node), AuditResult.FAILED);
        assertTrue(clash.reason().contains(node), clash.reason());

        actions.edit(node, "{}".getBytes(StandardCharsets.UTF_8), 0);
        trail.expectOne(AuditActions.ZNODE_EDIT, List.of(node), AuditResult.DONE);
        assertThrows(ZNodeException.class, () -> actions.edit(node, "{}".getBytes(StandardCharsets.UTF_8), 0));
        trail.expectOne(AuditActions.ZNODE_EDIT, List.of(node), AuditResult.FAILED); // someone else's version by now

        actions.create(node + "/child", new byte[0]);
        trail.take();
        assertEquals(2, actions.delete(node, browser.countDescendants(node), -1));
        AuditEvent deleted = trail.expectOne(AuditActions.ZNODE_DELETE, List.of(node), AuditResult.DONE);
        assertEquals("1", deleted.parameters().get("nodes below"));
        assertEquals(null, zk.absoluteClient().checkExists().forPath(node));
    }

    @Test
    void aReadOnlyProfileRefusesAndRecordsTheRefusal() throws Exception {
        ZNodeActions viewer = new ZNodeActions(new ZNodeBrowser(zk), new ActionGate(trail, WriteAccess.readOnly("Viewer")));
        String node = root + "/jobs/not-made";
        ReadOnlyException refused = assertThrows(ReadOnlyException.class, () -> viewer.create(node, new byte[0]));
        assertEquals(refused.getMessage(), trail.expectOne(AuditActions.ZNODE_CREATE, List.of(node), AuditResult.DENIED).reason());
        assertThrows(ReadOnlyException.class, () -> viewer.delete(root + "/jobs", 0, -1));
        trail.expectOne(AuditActions.ZNODE_DELETE, List.of(root + "/jobs"), AuditResult.DENIED);
        assertEquals(null, zk.absoluteClient().checkExists().forPath(node));
        assertTrue(zk.absoluteClient().checkExists().forPath(root + "/jobs") != null);
    }
}
