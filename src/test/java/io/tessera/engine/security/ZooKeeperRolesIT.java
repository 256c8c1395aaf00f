package io.tessera.engine.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.audit.AuditActions;
import io.tessera.engine.audit.AuditEvent;
import io.tessera.engine.audit.AuditResult;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.connect.ConnectionTarget;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.services.ClusterServices;
import io.tessera.engine.shard.PlanStore;
import io.tessera.engine.shard.PlanStoreSettings;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.shard.TesseraPaths;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.Worker;
import io.tessera.engine.worker.WorkerOptions;
import io.tessera.engine.zk.SecretNodes;
import io.tessera.engine.zk.ZNodeException;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.testing.ExactJob;
import io.tessera.testing.RecordingTrail;
import io.tessera.testing.SharedCluster;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The three ZooKeeper digest roles ({@link ZooKeeperRoles}) on the shared embedded ZooKeeper, under a chroot of this
 * test: a console applies the policy and plans a job; a worker authenticated as the worker user runs it to the end
 * (outputs decoded) with its membership, election, task key and shard states; every write a role must not do, and
 * any read without credentials, is refused with ZooKeeper's NoAuth.
 */
class ZooKeeperRolesIT {
    @Test
    @Timeout(240)
    void eachRoleDoesItsPartAndIsRefusedTheRest() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String chroot = "/zkroles-" + run;
        ConnectionTarget base = SharedCluster.target();
        char[] consolePassword = UUID.randomUUID().toString().toCharArray();
        char[] workerPassword = UUID.randomUUID().toString().toCharArray();
        char[] viewerPassword = UUID.randomUUID().toString().toCharArray();
        ConnectionTarget console = as(base, chroot, "zk-console", consolePassword);
        ConnectionTarget worker = as(base, chroot, "zk-worker", workerPassword);
        ConnectionTarget viewer = as(base, chroot, "zk-viewer", viewerPassword);
        String workerId = ZooKeeperRolePolicy.digestId("zk-worker", workerPassword);
        String viewerId = ZooKeeperRolePolicy.digestId("zk-viewer", viewerPassword);
        DispatchKeys keys = new DispatchKeys("zkroles-" + run + ":");
        String folder = "/it-zkroles/" + run;

        try (ClusterConnection consoleConnection = new ClusterConnection(console);
             ClusterConnection workerConnection = new ClusterConnection(worker);
             ClusterConnection viewerConnection = new ClusterConnection(viewer);
             CuratorFramework anonymous = CuratorFrameworkFactory.builder().connectString(base.zooKeeperConnect())
                     .namespace(chroot.substring(1)).retryPolicy(new RetryOneTime(100)).build()) {
            anonymous.start();
            // a tree from before the policy: /jobs made with the former ACL (creator all, world read)
            ZkAccess.of(consoleConnection).ensurePath(TesseraPaths.JOBS);
            assertEquals(RoleAclProvider.UNMANAGED.size(), consoleConnection.curator().getACL().forPath(TesseraPaths.JOBS).size());
            assertNotNull(anonymous.getChildren().forPath(TesseraPaths.JOBS), "open to the world before the apply");
            RecordingTrail trail = new RecordingTrail();
            ZooKeeperAclApplier.Outcome applied = new ClusterServices(consoleConnection, trail)
                    .applyZooKeeperRoles(List.of(), List.of("digest:" + workerId), List.of(viewerId));
            assertEquals(0, applied.refused(), applied.toString());
            AuditEvent record = trail.expectOne(AuditActions.ZNODE_ACL_APPLY, List.of(chroot), AuditResult.DONE);
            assertEquals(Map.of("consoles", "", "workers", "zk-worker", "viewers", "zk-viewer"), record.parameters(), "user names, never the hashes");
            CuratorFramework asConsole = consoleConnection.curator();
            CuratorFramework asWorker = workerConnection.curator();
            CuratorFramework asViewer = viewerConnection.curator();
            assertEquals(List.of(acl(Perms.ALL, ZooKeeperRolePolicy.digestId("zk-console", consolePassword)), acl(Perms.READ | Perms.CREATE, workerId),
                    acl(Perms.READ, viewerId)), asConsole.getACL().forPath("/"), "the root: no world entry");
            assertEquals(List.of(acl(Perms.ALL, ZooKeeperRolePolicy.digestId("zk-console", consolePassword)), acl(Perms.READ, workerId),
                    acl(Perms.READ, viewerId)), asConsole.getACL().forPath(TesseraPaths.JOBS), "the existing /jobs brought to the policy");
            assertNoAuth(() -> anonymous.getChildren().forPath(TesseraPaths.JOBS));

            ExactJob.upload(consoleConnection.fileSystem(), folder + "/in", ExactJob.smallImages(8));
            JobRequest request = new JobRequest("zkroles-" + run, folder + "/in", folder + "/out", Pipeline.parse(List.of("thumbnail:16"), "png"),
                    Priority.NORMAL, new ShardLimits(4, 0), 2);
            String job = request.jobId();
            try (Worker running = Worker.start(workerConnection, WorkerOptions.defaults(2).withKeys(keys, DispatchSettings.defaults()))) {
                ExactJob.submit(consoleConnection, keys, DispatchSettings.defaults(), request).assertFinishedExactly(new JobCounts(4, 8, 4, 8, 0, 0, 0, 0));
                assertEquals(8, running.counters().done(), "the worker user ran every image");
                String membership = TesseraPaths.worker(asWorker.getChildren().forPath(TesseraPaths.WORKERS).getFirst());
                assertEquals(List.of(acl(Perms.ALL, ZooKeeperRolePolicy.digestId("zk-console", consolePassword)), acl(Perms.READ | Perms.WRITE, workerId),
                        acl(Perms.READ, viewerId)), asConsole.getACL().forPath(membership), "the worker's own node, made with the roles' ACL");
            }
            String shard = TesseraPaths.shard(job, 0);
            assertTrue(new String(asViewer.getData().forPath(shard)).contains("\"DONE\""), "the viewer reads the shard the worker ended");

            // the worker: no plan changes, no new jobs, no ACL changes
            assertNoAuth(() -> asWorker.delete().forPath(TesseraPaths.committed(job)));
            assertNoAuth(() -> asWorker.delete().deletingChildrenIfNeeded().forPath(TesseraPaths.job(job)));
            assertNoAuth(() -> asWorker.setData().forPath(TesseraPaths.job(job), "{}".getBytes()));
            assertNoAuth(() -> asWorker.create().forPath(TesseraPaths.job("forged-" + run), "{}".getBytes()));
            assertNoAuth(() -> asWorker.create().forPath(TesseraPaths.shards(job) + "/99999", "{}".getBytes()));
            assertNoAuth(() -> asWorker.setACL().withACL(List.of(acl(Perms.ALL, workerId))).forPath(shard));
            assertNoAuth(() -> asWorker.setData().forPath(ZooKeeperRolePolicy.PATH, "{}".getBytes()));
            ZNodeException denied = assertThrows(ZNodeException.class, () -> new PlanStore(ZkAccess.of(workerConnection), null,
                    PlanStoreSettings.DEFAULT).delete(job));
            assertEquals(ZNodeException.Kind.ACCESS_DENIED, denied.kind(), denied.getMessage());
            assertNotNull(asWorker.getData().forPath(SecretNodes.TASK_KEY), "the worker reads the task key");

            // the viewer: reads, writes nothing, never the task key
            assertNoAuth(() -> asViewer.setData().forPath(shard, "{}".getBytes()));
            assertNoAuth(() -> asViewer.create().forPath("/viewer-" + run));
            assertNoAuth(() -> asViewer.create().forPath(TesseraPaths.job("viewer-" + run), "{}".getBytes()));
            assertNoAuth(() -> asViewer.delete().forPath(TesseraPaths.committed(job)));
            assertNoAuth(() -> asViewer.getData().forPath(SecretNodes.TASK_KEY));

            // nobody else reads anything
            assertNoAuth(() -> anonymous.getChildren().forPath("/"));
            assertNoAuth(() -> anonymous.getData().forPath(TesseraPaths.job(job)));
            assertNoAuth(() -> anonymous.getData().forPath(shard));
            assertNoAuth(() -> anonymous.getData().forPath(SecretNodes.TASK_KEY));

            // the console may do it all: it deletes the plan
            new PlanStore(ZkAccess.of(consoleConnection), null, PlanStoreSettings.DEFAULT).delete(job);
            assertEquals(null, asConsole.checkExists().forPath(TesseraPaths.job(job)));
            asConsole.usingNamespace(null).delete().deletingChildrenIfNeeded().forPath(chroot);
        }
    }

    private static ConnectionTarget as(ConnectionTarget base, String chroot, String user, char[] password) {
        return new ConnectionTarget(base.profileName() + "+" + user, base.hdfsUri(), base.hdfsConfDir(), base.hdfsUser(),
                base.zooKeeperConnect(), chroot, user, password, base.redisUri(), base.redisUser(), base.redisPassword(), false);
    }

    private static ACL acl(int perms, String digestId) {
        return new ACL(perms, new Id("digest", digestId));
    }

    private interface ZkCall {
        void call() throws Exception;
    }

    private static void assertNoAuth(ZkCall call) {
        assertThrows(KeeperException.NoAuthException.class, call::call);
    }
}
