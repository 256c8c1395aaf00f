package io.tessera.engine.connect;

import io.tessera.engine.ServiceKind;
import io.tessera.engine.health.DataNodeFigures;
import io.tessera.engine.health.HdfsFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FsStatus;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.util.StringUtils;

/** HDFS health: capacity, the DataNodes (when allowed), block health, safe mode ({@link HdfsFiguresReader}). */
final class HdfsProbe implements ServiceProbe {
    @Override
    public ServiceKind service() {
        return ServiceKind.HDFS;
    }

    @Override
    public ServiceHealth probe(ConnectionTarget target, Duration timeout) throws Exception {
        long began = System.nanoTime();
        try (FileSystem fs = ClientFactory.fileSystem(target, timeout, true)) {
            FsStatus status = fs.getStatus();
            Map<String, String> details = new LinkedHashMap<>();
            details.put("URI", target.hdfsUri());
            details.put("Capacity", StringUtils.byteDesc(status.getCapacity()));
            details.put("Used", StringUtils.byteDesc(status.getUsed()));
            // HDFS's "Non DFS Used": other files on the DataNodes' disks and reserved space, which the capacity counts
            long other = status.getCapacity() - status.getUsed() - status.getRemaining();
            if (other > 0) {
                details.put("Non-HDFS used", StringUtils.byteDesc(other));
            }
            details.put("Remaining", StringUtils.byteDesc(status.getRemaining()));
            ServiceHealth.State state = ServiceHealth.State.UP;
            String nodes = "";
            HdfsFigures figures = null;
            if (fs instanceof DistributedFileSystem dfs) {
                figures = HdfsFiguresReader.read(dfs);
                if (figures.safeMode()) {
                    state = ServiceHealth.State.DEGRADED;
                    details.put("Safe mode", "on (read-only)");
                }
                if (figures.dataNodesNote() == null) {
                    long live = figures.count(DataNodeFigures.State.LIVE);
                    long silent = figures.count(DataNodeFigures.State.STALE) + figures.count(DataNodeFigures.State.DEAD);
                    details.put("DataNodes", live + " live" + (silent == 0 ? "" : ", " + silent + " stale or dead"));
                    nodes = live + (live == 1 ? " DataNode" : " DataNodes");
                    if (live == 0) {
                        state = ServiceHealth.State.DEGRADED;
                    }
                } else {
                    details.put("DataNodes", "not shown (HDFS superuser only)"); // a card line; the full note is in the figures
                }
            }
            long ms = (System.nanoTime() - began) / 1_000_000;
            String summary = (nodes.isEmpty() ? "" : nodes + ", ")
                    + StringUtils.byteDesc(status.getUsed()) + " of " + StringUtils.byteDesc(status.getCapacity()) + " used"
                    + (state == ServiceHealth.State.DEGRADED ? (nodes.startsWith("0 ") ? " (no DataNode)" : " (safe mode)") : "");
            return new ServiceHealth(service(), state, summary, details, ms, Instant.now(), figures);
        }
    }

    @Override
    public String endpoint(ConnectionTarget target) {
        return target.hdfsUri();
    }
}
