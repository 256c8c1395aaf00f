package io.tessera.engine.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.shard.ImageFile;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.PlanStoreSettings;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.shard.ShardPlanner;
import io.tessera.engine.shard.ShardStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;

/** A profile with digest credentials secures what it creates; one without them can read and gets a readable refusal on write. */
class ZooKeeperAclTest {

    @Test
    void aProfileWithoutCredentialsReadsButCannotWrite() throws Exception {
        try (TestingServer server = new TestingServer(true)) {
            String chroot = ZooKeeperTesting.freshChroot();
            ZkAccess owner = ZooKeeperTesting.connect(ZooKeeperTesting.target(server.getConnectString(), chroot, "tessera", "s3cret"));
            ZkAccess anonymous = ZooKeeperTesting.connect(server.getConnectString(), chroot);
            ZkAccess wrongPassword = ZooKeeperTesting.connect(ZooKeeperTesting.target(server.getConnectString(), chroot, "tessera", "guess"));
            try {
                PlanStore ownerPlans = new PlanStore(owner, null, PlanStoreSettings.DEFAULT);
                ShardLimits limits = new ShardLimits(1, 0);
                ownerPlans.store("secured", "/in", List.of(), limits, ShardPlanner.plan(List.of(new ImageFile("a.jpg", 1)), limits));

                ZNodeBrowser ownerView = new ZNodeBrowser(owner);
                List<String> rootAcl = ownerView.node(chroot).acl();
                assertEquals(2, rootAcl.size(), rootAcl.toString());
                assertTrue(rootAcl.getFirst().startsWith("digest:tessera:") && rootAcl.getFirst().endsWith(":cdrwa"), rootAcl.toString());
                assertEquals("world:anyone:r", rootAcl.get(1));
                assertEquals(rootAcl, ownerView.node(chroot + "/jobs/secured/shards/00000").acl(), "every node, not just the root");

                ZNodeBrowser readOnly = new ZNodeBrowser(anonymous);
                assertEquals(1, readOnly.children(chroot + "/jobs", 0, 10).total());
                assertTrue(new PlanStore(anonymous, null, PlanStoreSettings.DEFAULT).read("secured").isPresent());

                ZNodeException create = assertThrows(ZNodeException.class, () -> readOnly.create(chroot + "/mine", new byte[0]));
                assertEquals(ZNodeException.Kind.READ_ONLY, create.kind());
                assertEquals("read-only: this profile has no ZooKeeper credentials for " + chroot + "/mine", create.getMessage());
                ZNodeException edit = assertThrows(ZNodeException.class,
                        () -> readOnly.setData(chroot + "/jobs/secured", "x".getBytes(StandardCharsets.UTF_8), -1));
                assertEquals("read-only: this profile has no ZooKeeper credentials for " + chroot + "/jobs/secured", edit.getMessage());
                ZNodeException claim = assertThrows(ZNodeException.class, () -> new ShardStore(anonymous).claim("secured", 0, "w1"));
                assertEquals(ZNodeException.Kind.READ_ONLY, claim.kind());

                ZNodeException denied = assertThrows(ZNodeException.class, () -> new ZNodeBrowser(wrongPassword).create(chroot + "/x", new byte[0]));
                assertEquals(ZNodeException.Kind.ACCESS_DENIED, denied.kind());
                assertTrue(denied.getMessage().startsWith("access denied: this profile's ZooKeeper credentials may not change"), denied.getMessage());
            } finally {
                owner.client().close();
                anonymous.client().close();
                wrongPassword.client().close();
            }
        }
    }
}
