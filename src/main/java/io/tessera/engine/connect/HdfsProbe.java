package io.tessera.engine.connect;

import io.tessera.engine.ServiceKind;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FsStatus;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.HdfsConstants.DatanodeReportType;
import org.apache.hadoop.util.StringUtils;

/** HDFS health: capacity, live and dead DataNodes (when allowed), safe mode. */
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
            details.put("Remaining", StringUtils.byteDesc(status.getRemaining()));
            ServiceHealth.State state = ServiceHealth.State.UP;
            String nodes = "";
            if (fs instanceof DistributedFileSystem dfs) {
                if (dfs.isInSafeMode()) {
                    state = ServiceHealth.State.DEGRADED;
                    details.put("Safe mode", "on (read-only)");
                }
                try {
                    int live = dfs.getDataNodeStats(DatanodeReportType.LIVE).length;
                    int dead = dfs.getDataNodeStats(DatanodeReportType.DEAD).length;
                    details.put("DataNodes", live + " live, " + dead + " dead");
                    nodes = live + (live == 1 ? " DataNode" : " DataNodes");
                    if (live == 0) {
                        state = ServiceHealth.State.DEGRADED;
                    }
                } catch (IOException notSuperuser) {
                    details.put("DataNodes", "not shown (needs HDFS superuser)");
                }
            }
            long ms = (System.nanoTime() - began) / 1_000_000;
            String summary = (nodes.isEmpty() ? "" : nodes + ", ")
                    + StringUtils.byteDesc(status.getUsed()) + " of " + StringUtils.byteDesc(status.getCapacity()) + " used"
                    + (state == ServiceHealth.State.DEGRADED ? (nodes.startsWith("0 ") ? " (no DataNode)" : " (safe mode)") : "");
            return new ServiceHealth(service(), state, summary, details, ms, Instant.now());
        }
    }

    @Override
    public String endpoint(ConnectionTarget target) {
        return target.hdfsUri();
    }
}
