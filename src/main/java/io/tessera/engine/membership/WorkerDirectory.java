package io.tessera.engine.membership;

import io.tessera.engine.shard.TesseraPaths;
import io.tessera.engine.zk.ZkAccess;
import io.tessera.engine.zk.ZkBulk;
import io.tessera.engine.zk.ZkBulk.NodeRead;
import io.tessera.engine.zk.ZkJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Who is registered right now: read-only, for views, the CLI and the coordinator. */
public final class WorkerDirectory {
    private final ZkAccess zk;

    public WorkerDirectory(ZkAccess zk) {
        this.zk = zk;
    }

    public Set<String> liveIds() throws IOException {
        String path = TesseraPaths.WORKERS;
        if (zk.run(zk.absolute(path), () -> zk.client().checkExists().forPath(path)) == null) {
            return Set.of();
        }
        return new TreeSet<>(zk.run(zk.absolute(path), () -> zk.client().getChildren().forPath(path)));
    }

    /** The registered workers with their details, sorted by id; a node with unreadable JSON is skipped. */
    public List<WorkerInfo> workers() throws IOException {
        List<NodeRead> reads = ZkBulk.read(zk, zk.client(), liveIds().stream().map(TesseraPaths::worker).toList());
        List<WorkerInfo> workers = new ArrayList<>();
        for (NodeRead read : reads) {
            if (read.exists()) {
                try {
                    workers.add(ZkJson.read(read.data(), WorkerInfo.class, read.path()));
                } catch (IOException notAWorker) {
                    // someone else's node under workers/; not ours to interpret
                }
            }
        }
        workers.sort(Comparator.comparing(WorkerInfo::id));
        return workers;
    }
}
