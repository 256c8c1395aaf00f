package io.tessera.engine.cluster;

import org.apache.hadoop.conf.Configuration;

/**
 * The NameNode and DataNode settings Tessera's own small clusters share (the embedded local cluster, the multi-host sim):
 * few handler threads, no safe mode wait on a fresh or small cluster, fast small-file closes, trash on, heartbeats every second.
 */
public final class SmallHdfsSettings {
    private SmallHdfsSettings() {}

    public static void apply(Configuration conf) {
        conf.setInt("dfs.namenode.handler.count", 8);
        conf.setInt("dfs.datanode.handler.count", 4);
        conf.setBoolean("dfs.namenode.datanode.registration.ip-hostname-check", false);
        // a fresh or one-DataNode cluster has no blocks worth waiting for in safe mode
        conf.setFloat("dfs.namenode.safemode.threshold-pct", 0f);
        conf.setInt("dfs.namenode.safemode.extension", 0);
        // small-file closes otherwise wait 400 ms each for the NameNode to accept the next block
        conf.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 10);
        conf.setLong("fs.trash.interval", 1440);
        conf.setInt("dfs.heartbeat.interval", 1);
    }
}
