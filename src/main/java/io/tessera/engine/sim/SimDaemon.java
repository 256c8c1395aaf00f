package io.tessera.engine.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.hdfs.server.namenode.NameNode;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;

/**
 * One HDFS daemon per JVM, as a sim host runs it: {@code namenode <conf-dir>} (formatted on first start) or
 * {@code datanode <conf-dir>}, with the core-site.xml and hdfs-site.xml of that folder. Runs until the process is killed.
 */
public final class SimDaemon {
    private SimDaemon() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("namenode") || args[0].equals("datanode"))) {
            System.err.println("usage: SimDaemon namenode|datanode <conf-dir>");
            System.exit(2);
        }
        try {
            run(args[0], Path.of(args[1]));
        } catch (Throwable e) {
            // Hadoop's own threads would keep a JVM with a dead daemon alive: end it, so that the sim sees the host fail
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String role, Path dir) throws Exception {
        // formatting registers the NameNode's metrics sources once already; the NameNode registers them again
        DefaultMetricsSystem.setMiniClusterMode(true);
        Configuration conf = new HdfsConfiguration();
        conf.addResource(new org.apache.hadoop.fs.Path(dir.resolve("core-site.xml").toUri()));
        conf.addResource(new org.apache.hadoop.fs.Path(dir.resolve("hdfs-site.xml").toUri()));
        if (role.equals("namenode")) {
            Path name = Path.of(java.net.URI.create(conf.get("dfs.namenode.name.dir")));
            if (!Files.exists(name.resolve("current/VERSION"))) {
                Files.createDirectories(name);
                NameNode.format(conf);
            }
            NameNode nameNode = NameNode.createNameNode(new String[0], conf);
            System.out.println("NameNode up at " + nameNode.getNameNodeAddress());
            nameNode.join();
        } else {
            DataNode dataNode = DataNode.createDataNode(new String[0], conf);
            System.out.println("DataNode up as " + dataNode.getDisplayName());
            // DataNode.join is not public: the DataNode's own threads run until the process is killed
            Thread.currentThread().join();
        }
    }
}
