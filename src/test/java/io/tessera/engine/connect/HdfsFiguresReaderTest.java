package io.tessera.engine.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tessera.engine.health.DataNodeFigures;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.DFSConfigKeys;
import org.apache.hadoop.hdfs.protocol.DatanodeInfo;
import org.apache.hadoop.hdfs.server.protocol.DatanodeStorageReport;
import org.apache.hadoop.hdfs.server.protocol.StorageReport;
import org.junit.jupiter.api.Test;

/** A DataNode is stale after the cluster's own interval when the profile's Hadoop files give it, else Hadoop's 30 s. */
class HdfsFiguresReaderTest {
    private static final long NOW = 1_800_000_000_000L;

    @Test
    void aDataNodeSilentFifteenSecondsIsStaleOnlyWhereTheClustersIntervalIsShorter() {
        DatanodeStorageReport silent = report(NOW - 15_000);
        Configuration defaults = new Configuration(false);
        Configuration tenSeconds = new Configuration(false);
        tenSeconds.setLong(DFSConfigKeys.DFS_NAMENODE_STALE_DATANODE_INTERVAL_KEY, 10_000);

        assertEquals(30_000, HdfsFiguresReader.staleAfterMillis(defaults));
        assertEquals(DataNodeFigures.State.LIVE, HdfsFiguresReader.figures(silent, false, NOW, HdfsFiguresReader.staleAfterMillis(defaults)).state());
        DataNodeFigures stale = HdfsFiguresReader.figures(silent, false, NOW, HdfsFiguresReader.staleAfterMillis(tenSeconds));
        assertEquals(DataNodeFigures.State.STALE, stale.state());
        assertEquals(15, stale.lastContactSeconds());
        assertEquals(DataNodeFigures.State.STALE, HdfsFiguresReader.figures(report(NOW - 31_000), false, NOW, 30_000).state());
        assertEquals(DataNodeFigures.State.DEAD, HdfsFiguresReader.figures(silent, true, NOW, 10_000).state());
    }

    private static DatanodeStorageReport report(long lastUpdate) {
        DatanodeInfo node = new DatanodeInfo.DatanodeInfoBuilder().setIpAddr("10.0.0.7").setHostName("dn7").setXferPort(9866)
                .setDatanodeUuid("dn7-uuid").setLastUpdate(lastUpdate).build();
        return new DatanodeStorageReport(node, new StorageReport[0]);
    }
}
