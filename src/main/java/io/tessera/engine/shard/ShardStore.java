package io.tessera.engine.shard;

import io.tessera.engine.zk.ZNodeException;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.engine.zk.ZkJson;
import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Shard ownership and state changes, each a compare-and-set: read the node with its version, decide,
 * write with {@code setData().withVersion(v)}. When someone else wrote in between the write fails and
 * the decision is made again on what is there now, so two workers never both own a shard.
 */
public final class ShardStore {
    /** What a change decides, given the shard as it is now: the new record, or empty to leave it. */
    @FunctionalInterface
    public interface Change {
        Optional<ShardRecord> apply(ShardRecord current);
    }

    /** A shard as read, with the node version a conditional write must name. */
    public record Versioned(ShardRecord shard, int version) {}

    private final ZkAccess zk;
    private final CuratorFramework client;

    public ShardStore(ZkAccess zk) {
        this.zk = zk;
        this.client = zk.client();
    }

    public Versioned read(String jobId, int index) throws IOException {
        String path = TesseraPaths.shard(jobId, index);
        Stat stat = new Stat();
        byte[] data = zk.run(zk.absolute(path), () -> client.getData().storingStatIn(stat).forPath(path));
        return new Versioned(ZkJson.read(data, ShardRecord.class, zk.absolute(path)), stat.getVersion());
    }

    /**
     * Applies a change until it sticks or the change declines. Returns the record written, or empty
     * when the change declined (e.g. the shard belongs to someone else by now).
     */
    public Optional<ShardRecord> update(String jobId, int index, Change change) throws IOException {
        return update(jobId, index, null, change);
    }

    /**
     * Like {@link #update(String, int, Change)}, but the write goes through only while {@code fencePath}
     * exists, checked in the same transaction. The coordinator fences with its leader-election node: a
     * coordinator whose session expired (its node is gone) cannot write, even if it has not noticed yet.
     */
    public Optional<ShardRecord> updateFenced(String jobId, int index, String fencePath, Change change) throws IOException {
        return update(jobId, index, fencePath, change);
    }

    private Optional<ShardRecord> update(String jobId, int index, String fencePath, Change change) throws IOException {
        String path = TesseraPaths.shard(jobId, index);
        while (true) {
            Versioned current = read(jobId, index);
            Optional<ShardRecord> next = change.apply(current.shard());
            if (next.isEmpty()) {
                return Optional.empty();
            }
            try {
                if (fencePath == null) {
                    client.setData().withVersion(current.version()).forPath(path, next.get().toJson());
                } else {
                    client.transaction().forOperations(
                            client.transactionOp().check().forPath(fencePath),
                            client.transactionOp().setData().withVersion(current.version()).forPath(path, next.get().toJson()));
                }
                return next;
            } catch (KeeperException.BadVersionException lostTheRace) {
                // Someone wrote in between: decide again on what is there now.
            } catch (Exception e) {
                throw zk.translate(e, zk.absolute(path));
            }
        }
    }

    /** Assigns a PLANNED shard to a worker (QUEUED with that owner); false if it is not PLANNED any more. */
    public boolean queue(String jobId, int index, String workerId) throws IOException {
        return update(jobId, index, s -> s.state() == ShardState.PLANNED
                ? Optional.of(s.moveTo(ShardState.QUEUED, workerId)) : Optional.empty()).isPresent();
    }

    /**
     * Takes a shard to work on: PLANNED, or QUEUED for this worker (or for nobody), becomes RUNNING owned
     * by {@code workerId}. Only committed plans can be claimed. Returns the claimed shard, or empty if
     * another worker has it or it is finished.
     */
    public Optional<ShardRecord> claim(String jobId, int index, String workerId) throws IOException {
        ZkAccess.checkName(workerId, "worker id");
        String marker = TesseraPaths.committed(jobId);
        if (zk.run(zk.absolute(marker), () -> client.checkExists().forPath(marker)) == null) {
            throw new ZNodeException(ZNodeException.Kind.NOT_FOUND, zk.absolute(TesseraPaths.job(jobId)),
                    "job " + jobId + " has no complete plan (yet); nothing of it can be claimed", null);
        }
        return update(jobId, index, s -> {
            boolean free = s.state() == ShardState.PLANNED
                    || s.state() == ShardState.QUEUED && (s.owner() == null || s.owner().equals(workerId));
            return free ? Optional.of(s.moveTo(ShardState.RUNNING, workerId)) : Optional.empty();
        });
    }

    /** Records progress of a shard this worker runs; throws when the shard was taken away from it meanwhile. */
    public ShardRecord progress(String jobId, int index, String workerId, int done, int failed) throws IOException {
        return ownedChange(jobId, index, workerId, s -> s.withProgress(done, failed));
    }

    /** Ends a shard this worker runs as DONE or FAILED (with a reason); throws when it is not this worker's any more. */
    public ShardRecord finish(String jobId, int index, String workerId, ShardState outcome, String error) throws IOException {
        if (outcome != ShardState.DONE && outcome != ShardState.FAILED) {
            throw new IllegalArgumentException("a shard finishes DONE or FAILED, not " + outcome);
        }
        return ownedChange(jobId, index, workerId, s -> s.moveTo(outcome, workerId).withError(error));
    }

    private ShardRecord ownedChange(String jobId, int index, String workerId, UnaryOperator<ShardRecord> change) throws IOException {
        Optional<ShardRecord> written = update(jobId, index,
                s -> s.state() == ShardState.RUNNING && workerId.equals(s.owner()) ? Optional.of(change.apply(s)) : Optional.empty());
        return written.orElseThrow(() -> new ZNodeException(ZNodeException.Kind.CHANGED_MEANWHILE, zk.absolute(TesseraPaths.shard(jobId, index)),
                "shard " + index + " of " + jobId + " is no longer run by " + workerId + " (it was put back in play); drop its work", null));
    }
}
