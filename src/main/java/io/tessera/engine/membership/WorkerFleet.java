package io.tessera.engine.membership;

import io.tessera.engine.connect.ClusterConnection;
import io.tessera.engine.zk.ZkAccess;
import java.io.IOException;
import java.util.List;

/** The operator's view of a cluster's workers: who is registered, with their figures. Asking one to drain or stop is {@link WorkerActions}'. */
public final class WorkerFleet {
    private final WorkerDirectory directory;

    public WorkerFleet(ClusterConnection connection) {
        ZkAccess zk = ZkAccess.of(connection);
        this.directory = new WorkerDirectory(zk);
    }

    public List<WorkerInfo> workers() throws IOException {
        return directory.workers();
    }
}
