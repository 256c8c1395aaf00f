package io.tessera.engine.sim;

import io.tessera.engine.cluster.SmallHdfsSettings;
import io.tessera.engine.sim.SimHost.Role;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * core-site.xml and hdfs-site.xml for the sim's NameNode and DataNodes (each in its host's folder) and for clients (the
 * profile's Hadoop configuration folder). Every daemon listens on its host's address at Hadoop's usual ports.
 */
final class HdfsSiteFiles {
    private HdfsSiteFiles() {}

    static void writeDaemon(SimLayout layout, SimHost host, Path hostDir) throws IOException {
        Configuration conf = common(layout);
        conf.set("hadoop.tmp.dir", hostDir.resolve("tmp").toString());
        conf.set("dfs.namenode.http-address", layout.nameNode().address() + ":" + SimLayout.NAMENODE_HTTP_PORT);
        conf.set("dfs.namenode.name.dir", hostDir.resolve("name").toUri().toString());
        conf.set("dfs.datanode.data.dir", hostDir.resolve("data").toUri().toString());
        if (host.role() == Role.DATANODE) {
            conf.set("dfs.datanode.address", host.address() + ":9866");
            conf.set("dfs.datanode.http.address", host.address() + ":9864");
            conf.set("dfs.datanode.ipc.address", host.address() + ":9867");
            conf.set("dfs.datanode.hostname", host.hostName());
        }
        SmallHdfsSettings.apply(conf);
        // a DataNode silent for 2 × 5 s + 10 heartbeats (20 s) is dead, so that fault tests see it soon
        conf.setInt("dfs.namenode.heartbeat.recheck-interval", 5000);
        conf.setInt("dfs.namenode.stale.datanode.interval", 5000);
        write(conf, hostDir.resolve("conf"));
        if (host.role() == Role.NAMENODE) {
            // the JMX servlet serves metrics cached for one metrics period (10 s by default): `bench scale` reads them per job.
            // The NameNode's JVM has this folder first on its class path, where Hadoop's metrics look for this file.
            java.nio.file.Files.writeString(hostDir.resolve("conf").resolve(METRICS_FILE), "*.period=1\n");
        }
    }

    /** The NameNode's metrics configuration, found on its class path. */
    static final String METRICS_FILE = "hadoop-metrics2-namenode.properties";

    /** What clients of the sim (console, CLI, workers) read through the profile's Hadoop configuration folder. */
    static void writeClient(SimLayout layout, Path confDir) throws IOException {
        Configuration conf = common(layout);
        // with 3 DataNodes and one of them gone, a pipeline cannot find a replacement: carry on with the two left
        conf.setBoolean("dfs.client.block.write.replace-datanode-on-failure.best-effort", true);
        write(conf, confDir);
    }

    private static Configuration common(SimLayout layout) {
        Configuration conf = new Configuration(false);
        conf.set("fs.defaultFS", layout.hdfsUri());
        conf.set("dfs.namenode.rpc-address", layout.nameNode().address() + ":" + SimLayout.NAMENODE_PORT);
        conf.setInt("dfs.replication", 3);
        conf.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 10);
        return conf;
    }

    private static void write(Configuration conf, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : new String[] {"core-site.xml", "hdfs-site.xml"}) {
            try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
                conf.writeXml(out);
            }
        }
    }
}
