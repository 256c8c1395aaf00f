package io.tessera.engine.membership;

import io.tessera.engine.actions.ActionGate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.engine.chaos.JobAudit;
import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.dispatch.DispatchKeys;
import io.tessera.engine.dispatch.DispatchSettings;
import io.tessera.engine.dispatch.JobState;
import io.tessera.engine.dispatch.JobStatus;
import io.tessera.engine.dispatch.Priority;
import io.tessera.engine.dispatch.TaskHandler;
import io.tessera.engine.events.JobCounts;
import io.tessera.engine.ops.Pipeline;
import io.tessera.engine.shard.ShardLimits;
import io.tessera.engine.shard.TesseraPaths;
import io.tessera.engine.worker.JobRequest;
import io.tessera.engine.worker.Worker;
import io.tessera.engine.worker.WorkerOptions;
import io.tessera.engine.zk.ZNodeException;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.testing.ExactJob;
import io.tessera.testing.SharedCluster;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An operator drains or stops a worker from the dashboard: through ZooKeeper, the worker acts, leaves, and loses nothing. */
class WorkerRequestsIT {
    private final ClusterConnection connection = SharedCluster.connection();
    private final WorkerFleet fleet = new WorkerFleet(connection);
    private final WorkerActions actions = new WorkerActions(new WorkerRequests(ZkAccess.of(connection)), ActionGate.unaudited());

    @Test
    void aDrainedWorkerLeavesAndItsRequestIsCleared() throws Exception {
        DispatchKeys keys = new DispatchKeys("drain-" + UUID.randomUUID().toString().substring(0, 8) + ":");
        try (ClusterConnection own = new ClusterConnection(connection.target());
             Worker worker = Worker.start(own, WorkerOptions.defaults(1).withKeys(keys, DispatchSettings.defaults()))) {
            assertTrue(fleet.workers().stream().anyMatch(w -> w.id().equals(worker.id())));

            actions.drain(worker.id());

            WorkerRequest request = worker.stoppedOnRequest().get(30, TimeUnit.SECONDS);
            assertEquals(WorkerRequest.Action.DRAIN, request.action());
            assertTrue(request.by().contains("@"), request.by());
            assertFalse(fleet.workers().stream().anyMatch(w -> w.id().equals(worker.id())), "it left membership");
            ZkAccess zk = ZkAccess.of(connection);
            assertEquals(null, zk.client().checkExists().forPath(TesseraPaths.workerRequest(worker.id())), "the request was cleared");
        }
    }

    @Test
    void requestsLeftForVanishedWorkersAreSweptAndThoseOfLiveWorkersStay() throws Exception {
        ZkAccess zk = ZkAccess.of(connection);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String live = "sweep-live-" + suffix;
        String vanished = "sweep-gone-" + suffix;
        byte[] request = io.tessera.engine.zk.ZkJson.bytes(WorkerRequest.of(WorkerRequest.Action.DRAIN));
        zk.client().create().creatingParentContainersIfNeeded().withMode(org.apache.zookeeper.CreateMode.EPHEMERAL).forPath(TesseraPaths.worker(live));
        zk.client().create().creatingParentContainersIfNeeded().forPath(TesseraPaths.workerRequest(live), request);
        zk.client().create().creatingParentContainersIfNeeded().forPath(TesseraPaths.workerRequest(vanished), request);
        try {
            WorkerRequests requests = new WorkerRequests(zk);
            requests.sweepOrphans(java.time.Duration.ofHours(1));
            assertTrue(requests.pending(vanished).isPresent(), "a young request is left alone: its worker may be registering still");

            assertTrue(requests.sweepOrphans(java.time.Duration.ZERO) >= 1);
            assertTrue(requests.pending(vanished).isEmpty(), "the vanished worker's request went");
            assertEquals(WorkerRequest.Action.DRAIN, requests.pending(live).orElseThrow().action(), "the live worker's request stays");
        } finally {
            zk.client().delete().forPath(TesseraPaths.workerRequest(live));
            zk.client().delete().forPath(TesseraPaths.worker(live));
        }
    }

    @Test
    void aRequestToAnUnknownWorkerFailsWithAReason() {
        ZNodeException e = assertThrows(ZNodeException.class, () -> actions.stop("no-such-worker-1-abcd"));
        assertTrue(e.getMessage().contains("no-such-worker-1-abcd is not registered"), e.getMessage());
    }

    @Test
    void aWorkerStoppedMidJobHandsItsTasksBackAndTheOtherFinishesTheJob() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        DispatchKeys keys = new DispatchKeys("stop-" + run + ":");
        DispatchSettings settings = DispatchSettings.defaults();
        String folder = "/worker-requests/stop-" + run;
        int images = 120;
        ExactJob.upload(connection.fileSystem(), folder + "/in", ExactJob.smallImages(images));
        WorkerOptions slow = WorkerOptions.defaults(2).withKeys(keys, settings).withHandlerHook(handler -> (TaskHandler) (task, control) -> {
            Thread.sleep(150); // so that the stop lands while it holds tasks
            return handler.handle(task, control);
        });
        try (ClusterConnection ownA = new ClusterConnection(connection.target());
             ClusterConnection ownB = new ClusterConnection(connection.target());
             Worker a = Worker.start(ownA, slow);
             Worker b = Worker.start(ownB, slow)) {
            JobRequest request = new JobRequest("stop-" + run, folder + "/in", folder + "/out",
                    Pipeline.parse(List.of("thumbnail:24"), "png"), Priority.NORMAL, new ShardLimits(40, 0), 4);
            ExactJob job = ExactJob.submit(connection, keys, settings, request);
            job.awaitSettledImages(images / 4);

            actions.stop(a.id());

            assertEquals(WorkerRequest.Action.STOP, a.stoppedOnRequest().get(60, TimeUnit.SECONDS).action());
            JobStatus finished = job.submission().await(job.id(), Duration.ofMillis(100), ExactJob.PATIENCE, s -> { });
            assertEquals(JobState.FINISHED, finished.state(), finished.toString());
            JobCounts counts = finished.counts();
            assertEquals(images, counts.done(), counts.toString());
            assertEquals(0, counts.failed() + counts.dead(), counts.toString());
            JobAudit.Report audit = JobAudit.of(connection, keys, job.id(), request.recipe());
            assertTrue(audit.clean(), audit.toString()); // nothing lost or twice, every output decodes
            assertEquals(images, audit.outputs(), audit.toString());
            assertTrue(b.counters().done() > 0, "the other worker did its share");
        }
    }
}
