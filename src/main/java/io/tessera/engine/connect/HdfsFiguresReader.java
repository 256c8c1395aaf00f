package io.tessera.engine.connect;

import io.tessera.engine.health.DataNodeFigures;
import io.tessera.engine.health.HdfsFigures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FsStatus;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.protocol.HdfsConstants.DatanodeReportType;
import org.apache.hadoop.hdfs.server.protocol.DatanodeStorageReport;
import org.apache.hadoop.hdfs.server.protocol.StorageReport;

/** Reads the dashboard's HDFS figures from the NameNode: three reports and the block counters. */
final class HdfsFiguresReader {
    private HdfsFiguresReader() {}

    static HdfsFigures read(DistributedFileSystem dfs) throws IOException {
        long began = System.nanoTime();
        FsStatus status = dfs.getStatus();
        long rpcMillis = (System.nanoTime() - began) / 1_000_000;
        boolean safeMode = dfs.isInSafeMode();
        List<DataNodeFigures> nodes = new ArrayList<>();
        String note = null;
        try {
            Set<String> dead = Arrays.stream(dfs.getDataNodeStats(DatanodeReportType.DEAD)).map(DatanodeInfo::getXferAddr)
                    .collect(Collectors.toSet());
            long now = System.currentTimeMillis();
            long staleAfter = staleAfterMillis(dfs.getConf());
            for (DatanodeStorageReport report : dfs.getClient().getDatanodeStorageReport(DatanodeReportType.ALL)) {
                nodes.add(figures(report, dead.contains(report.getDatanodeInfo().getXferAddr()), now, staleAfter));
            }
            nodes.sort(Comparator.comparing(DataNodeFigures::name));
        } catch (IOException notSuperuser) {
            note = "not shown: the DataNode report needs the HDFS superuser";
        }
        return new HdfsFigures(status.getCapacity(), status.getUsed(), status.getRemaining(), nodes, note,
                dfs.getLowRedundancyBlocksCount(), dfs.getMissingBlocksCount(), dfs.getCorruptBlocksCount(), safeMode, rpcMillis);
    }

    /**
     * How long a silent DataNode takes to be stale: the cluster's interval when the profile's Hadoop configuration folder
     * gives it (its hdfs-site.xml), else the NameNode's own default (30 s).
     */
    static long staleAfterMillis(Configuration conf) {
        return conf.getLong(DFSConfigKeys.DFS_NAMENODE_STALE_DATANODE_INTERVAL_KEY, DFSConfigKeys.DFS_NAMENODE_STALE_DATANODE_INTERVAL_DEFAULT);
    }

    static DataNodeFigures figures(DatanodeStorageReport report, boolean dead, long now, long staleAfter) {
        DatanodeInfo node = report.getDatanodeInfo();
        int failedVolumes = (int) Arrays.stream(report.getStorageReports()).filter(StorageReport::isFailed).count();
        long silentMillis = Math.max(0, now - node.getLastUpdate());
        DataNodeFigures.State state;
        if (node.isDecommissioned()) {
            state = DataNodeFigures.State.DECOMMISSIONED;
        } else if (node.isDecommissionInProgress()) {
            state = DataNodeFigures.State.DECOMMISSIONING;
        } else if (node.isMaintenance()) {
            state = DataNodeFigures.State.MAINTENANCE;
        } else if (dead) {
            state = DataNodeFigures.State.DEAD;
        } else if (silentMillis > staleAfter) {
            state = DataNodeFigures.State.STALE;
        } else {
            state = DataNodeFigures.State.LIVE;
        }
        String name = node.getHostName() == null || node.getHostName().isBlank() || node.getXferAddr().startsWith(node.getHostName() + ":")
                ? node.getXferAddr() : node.getHostName() + " (" + node.getXferAddr() + ")";
        return new DataNodeFigures(name, state, node.getCapacity(), node.getDfsUsed(), node.getRemaining(), silentMillis / 1000, failedVolumes);
    }
}
