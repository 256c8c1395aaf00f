package io.tessera.engine.membership;

import io.tessera.engine.shard.TesseraPaths;
import io.tessera.engine.zk.ZNodeException;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.engine.zk.ZkJson;
import java.io.IOException;
import java.util.Optional;
import org.apache.zookeeper.KeeperException;

/**
 * Requests to workers through ZooKeeper: the console writes one, the worker named reads it with its figures (every
 * couple of seconds), acts, and removes it. A worker's own node cannot carry it: that node is ephemeral and
 * rewritten by the worker itself.
 */
public final class WorkerRequests {
    private final ZkAccess zk;

    public WorkerRequests(ZkAccess zk) {
        this.zk = zk;
    }

    /** Sends {@code request} to a registered worker; fails with a clear reason when no such worker is registered. */
    public void send(String workerId, WorkerRequest request) throws IOException {
        String path = TesseraPaths.workerRequest(workerId);
        if (!new WorkerDirectory(zk).liveIds().contains(workerId)) {
            throw new ZNodeException(ZNodeException.Kind.NOT_FOUND, zk.absolute(TesseraPaths.worker(workerId)),
                    "worker " + workerId + " is not registered (it stopped or vanished)", null);
        }
        byte[] json = ZkJson.bytes(request);
        zk.run(zk.absolute(path), () -> {
            try {
                zk.client().create().creatingParentContainersIfNeeded().forPath(path, json);
            } catch (KeeperException.NodeExistsException pending) {
                zk.client().setData().forPath(path, json); // the later request wins: stop overrides a drain in progress
            }
            return null;
        });
    }

    /** The request waiting for {@code workerId}, if any. */
    public Optional<WorkerRequest> pending(String workerId) throws IOException {
        String path = TesseraPaths.workerRequest(workerId);
        byte[] data = zk.run(zk.absolute(path), () -> {
            try {
                return zk.client().getData().forPath(path);
            } catch (KeeperException.NoNodeException none) {
                return null;
            }
        });
        return data == null ? Optional.empty() : Optional.of(ZkJson.read(data, WorkerRequest.class, zk.absolute(path)));
    }

    /** Removes {@code workerId}'s request once acted on (gone already is fine). */
    public void clear(String workerId) throws IOException {
        String path = TesseraPaths.workerRequest(workerId);
        zk.run(zk.absolute(path), () -> {
            try {
                zk.client().delete().forPath(path);
            } catch (KeeperException.NoNodeException gone) {
                // nothing to clear
            }
            return null;
        });
    }
}
