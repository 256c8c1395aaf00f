package io.tessera.engine.cluster;

import io.tessera.engine.Reasons;
import io.tessera.engine.ServiceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.hdfs.server.namenode.NameNode;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;

/**
 * A real single-node HDFS: one NameNode and one DataNode in this JVM, with their storage kept in
 * {@code dir} across restarts. We start the daemons ourselves rather than through MiniDFSCluster,
 * whose shutdown deletes its base directory when the JVM exits.
 */
final class EmbeddedHdfs implements EmbeddedService {
    private static final long READY_TIMEOUT_MS = 60_000;

    private final Path dir;
    private final int requestedPort;
    private NameNode nameNode;
    private DataNode dataNode;
    private String uri;
    private String webUi;

    EmbeddedHdfs(Path dir, int requestedPort) {
        this.dir = dir;
        this.requestedPort = requestedPort;
    }

    @Override
    public ServiceKind kind() {
        return ServiceKind.HDFS;
    }

    @Override
    public String start() throws ClusterStartException {
        int port = LoopbackPorts.claim("HDFS", requestedPort);
        Configuration conf = configuration(port);
        // Formatting, and any restart in the same JVM, register the NameNode's metrics sources again.
        DefaultMetricsSystem.setMiniClusterMode(true);
        try {
            Files.createDirectories(dir.resolve("name"));
            Files.createDirectories(dir.resolve("data"));
            if (!Files.exists(dir.resolve("name/current/VERSION"))) {
                NameNode.format(conf);
            }
            nameNode = NameNode.createNameNode(new String[0], conf);
            dataNode = DataNode.createDataNode(new String[0], conf);
            awaitReady();
        } catch (IOException | RuntimeException e) {
            close();
            throw new ClusterStartException("HDFS did not start: " + Reasons.oneLine(e), e);
        }
        String host = LoopbackPorts.LOOPBACK.getHostAddress();
        uri = "hdfs://" + host + ":" + nameNode.getNameNodeAddress().getPort();
        webUi = "http://" + host + ":" + nameNode.getHttpAddress().getPort();
        return uri;
    }

    String uri() {
        return uri;
    }

    String webUi() {
        return webUi;
    }

    private Configuration configuration(int port) {
        Configuration conf = new HdfsConfiguration();
        String host = LoopbackPorts.LOOPBACK.getHostAddress();
        conf.set("hadoop.tmp.dir", dir.resolve("tmp").toString());
        conf.set("fs.defaultFS", "hdfs://" + host + ":" + port);
        conf.set("dfs.namenode.rpc-address", host + ":" + port);
        conf.set("dfs.namenode.http-address", host + ":0");
        conf.set("dfs.namenode.name.dir", dir.resolve("name").toUri().toString());
        conf.set("dfs.datanode.data.dir", dir.resolve("data").toUri().toString());
        conf.set("dfs.datanode.address", host + ":0");
        conf.set("dfs.datanode.http.address", host + ":0");
        conf.set("dfs.datanode.ipc.address", host + ":0");
        conf.set("dfs.datanode.hostname", host);
        conf.setInt("dfs.replication", 1);
        conf.setInt("dfs.namenode.handler.count", 8);
        conf.setInt("dfs.datanode.handler.count", 4);
        conf.setBoolean("dfs.namenode.datanode.registration.ip-hostname-check", false);
        // One DataNode holds every block: no point waiting in safe mode for block reports.
        conf.setFloat("dfs.namenode.safemode.threshold-pct", 0f);
        conf.setInt("dfs.namenode.safemode.extension", 0);
        // Small-file closes otherwise wait 400 ms each for the NameNode to accept the next block.
        conf.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 10);
        conf.setLong("fs.trash.interval", 1440);
        conf.setInt("dfs.heartbeat.interval", 1);
        return conf;
    }

    private void awaitReady() throws IOException {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (!(dataNode.isDatanodeFullyStarted() && nameNode.getNamesystem().getNumLiveDataNodes() > 0
                && !nameNode.isInSafeMode())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("the DataNode did not register with the NameNode within "
                        + READY_TIMEOUT_MS / 1000 + " s");
            }
            sleep(50);
        }
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for HDFS", e);
        }
    }

    @Override
    public void close() {
        if (dataNode != null) {
            dataNode.shutdown();
            dataNode = null;
        }
        if (nameNode != null) {
            nameNode.stop();
            nameNode.join();
            nameNode = null;
        }
    }
}
