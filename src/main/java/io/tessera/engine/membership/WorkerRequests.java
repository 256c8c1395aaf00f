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
    /** A request this old whose worker is no longer registered will never be read: its worker vanished. */
    static final java.time.Duration ORPHAN_AGE = java.time.Duration.ofMinutes(1);
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
        sweepOrphans(ORPHAN_AGE);
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

    /**
     * Removes requests older than {@code age} to workers no longer registered (a worker that crashed before reading
     * its request). Returns how many went. A worker id is made per process, so a vanished worker never comes back.
     */
    public int sweepOrphans(java.time.Duration age) throws IOException {
        String parent = TesseraPaths.WORKER_REQUESTS;
        java.util.Set<String> live = new WorkerDirectory(zk).liveIds();
        long before = System.currentTimeMillis() - age.toMillis();
        return zk.run(zk.absolute(parent), () -> {
            int removed = 0;
            java.util.List<String> ids;
            try {
                ids = zk.client().getChildren().forPath(parent);
            } catch (KeeperException.NoNodeException none) {
                return 0;
            }
            for (String id : ids) {
                String path = parent + "/" + id;
                org.apache.zookeeper.data.Stat stat = zk.client().checkExists().forPath(path);
                if (!live.contains(id) && stat != null && stat.getMtime() <= before) {
                    try {
                        zk.client().delete().withVersion(stat.getVersion()).forPath(path);
                        removed++;
                    } catch (KeeperException.NoNodeException | KeeperException.BadVersionException raced) {
                        // cleared or rewritten meanwhile: leave it to the next sweep
                    }
                }
            }
            return removed;
        });
    }
}
