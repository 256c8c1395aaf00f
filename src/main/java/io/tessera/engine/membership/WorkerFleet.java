package io.tessera.engine.membership;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.zk.ZkAccess;
import java.io.IOException;
import java.util.List;

/** The operator's view of a cluster's workers: who is registered with their figures, and asking one to drain or stop. */
public final class WorkerFleet {
    private final WorkerDirectory directory;
    private final WorkerRequests requests;

    public WorkerFleet(ClusterConnection connection) {
        ZkAccess zk = ZkAccess.of(connection);
        this.directory = new WorkerDirectory(zk);
        this.requests = new WorkerRequests(zk);
    }

    public List<WorkerInfo> workers() throws IOException {
        return directory.workers();
    }

    /** Asks the worker to take no new tasks, finish the images at hand, and leave (a headless worker then exits). */
    public void drain(String workerId) throws IOException {
        requests.send(workerId, WorkerRequest.of(WorkerRequest.Action.DRAIN));
    }

    /** Asks the worker to hand its tasks back to the others now and leave. */
    public void stop(String workerId) throws IOException {
        requests.send(workerId, WorkerRequest.of(WorkerRequest.Action.STOP));
    }
}
