package io.tessera.engine.cluster;

import io.tessera.engine.Reasons;
import io.tessera.engine.ServiceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.HdfsConfiguration;
import org.apache.hadoop.hdfs.server.datanode.DataNode;
import org.apache.hadoop.hdfs.server.namenode.NameNode;
import org.apache.hadoop.metrics2.lib.DefaultMetricsSystem;

/**
 * A real HDFS: one NameNode and (for the local console) one DataNode in this JVM, with their storage kept in
 * {@code dir} across restarts. We start the daemons ourselves rather than through MiniDFSCluster,
 * whose shutdown deletes its base directory when the JVM exits. Fault tests run several DataNodes.
 */
final class EmbeddedHdfs implements EmbeddedService {
    private static final long READY_TIMEOUT_MS = 60_000;

    private final Path dir;
    private final int requestedPort;
    private final int dataNodeCount;
    private final Map<String, String> settings;
    private final List<DataNode> dataNodes = new ArrayList<>();
    private NameNode nameNode;
    private Configuration conf;
    private String uri;
    private String webUi;

    EmbeddedHdfs(Path dir, int requestedPort) {
        this(dir, requestedPort, 1);
    }

    /** With {@code dataNodeCount} DataNodes in this JVM; files get min(count, 3) replicas unless the client asks otherwise. */
    EmbeddedHdfs(Path dir, int requestedPort, int dataNodeCount) {
        this(dir, requestedPort, dataNodeCount, Map.of());
    }

    /** @param settings Hadoop settings of the NameNode and DataNodes beyond the small-cluster ones (fault tests') */
    EmbeddedHdfs(Path dir, int requestedPort, int dataNodeCount, Map<String, String> settings) {
        if (dataNodeCount < 1) {
            throw new IllegalArgumentException("HDFS needs at least one DataNode");
        }
        this.dir = dir;
        this.requestedPort = requestedPort;
        this.dataNodeCount = dataNodeCount;
        this.settings = Map.copyOf(settings);
    }

    @Override
    public boolean choosesItsPort() {
        return requestedPort == 0;
    }

    @Override
    public ServiceKind kind() {
        return ServiceKind.HDFS;
    }

    @Override
    public String start() throws ClusterStartException {
        int port = LoopbackPorts.claim("HDFS", requestedPort);
        conf = configuration(port);
        // Formatting, and any restart in the same JVM, register the NameNode's metrics sources again.
        DefaultMetricsSystem.setMiniClusterMode(true);
        try {
            Files.createDirectories(dir.resolve("name"));
            if (!Files.exists(dir.resolve("name/current/VERSION"))) {
                NameNode.format(conf);
            }
            nameNode = NameNode.createNameNode(new String[0], conf);
            for (int i = 0; i < dataNodeCount; i++) {
                Files.createDirectories(dataFolder(i));
                dataNodes.add(DataNode.createDataNode(new String[0], dataNodeConfiguration(i)));
            }
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

    /**
     * The settings of DataNode {@code index} (0 keeps its blocks in {@code data}, as the local console always did;
     * others in {@code data-<index+1>}), valid once started: a DataNode started elsewhere with them joins this HDFS.
     */
    Configuration dataNodeConfiguration(int index) {
        Configuration own = new Configuration(conf);
        own.set("dfs.datanode.data.dir", dataFolder(index).toUri().toString());
        return own;
    }

    private Path dataFolder(int index) {
        return dir.resolve(index == 0 ? "data" : "data-" + (index + 1));
    }

    /** DataNodes the NameNode counts as alive (a killed one only drops out once it missed heartbeats for 10½ minutes). */
    int liveDataNodes() {
        return nameNode.getNamesystem().getNumLiveDataNodes();
    }

    private Configuration configuration(int port) {
        Configuration conf = new HdfsConfiguration();
        String host = LoopbackPorts.LOOPBACK.getHostAddress();
        conf.set("hadoop.tmp.dir", dir.resolve("tmp").toString());
        conf.set("fs.defaultFS", "hdfs://" + host + ":" + port);
        conf.set("dfs.namenode.rpc-address", host + ":" + port);
        conf.set("dfs.namenode.http-address", host + ":0");
        conf.set("dfs.namenode.name.dir", dir.resolve("name").toUri().toString());
        conf.set("dfs.datanode.address", host + ":0");
        conf.set("dfs.datanode.http.address", host + ":0");
        conf.set("dfs.datanode.ipc.address", host + ":0");
        conf.set("dfs.datanode.hostname", host);
        conf.setInt("dfs.replication", Math.min(dataNodeCount, 3));
        SmallHdfsSettings.apply(conf);
        // This NameNode and DataNode share the JVM with the console's profiles, and a Kerberos profile switches the JVM's
        // Hadoop security mode (engine.kerberos.JvmSecurity): they must keep talking to each other and to simple clients
        // unsecured then (the DataNode's heartbeats fall back to simple RPC, its transfers skip the SASL handshake).
        conf.setBoolean("ipc.client.fallback-to-simple-auth-allowed", true);
        conf.setBoolean("ignore.secure.ports.for.testing", true);
        settings.forEach(conf::set);
        return conf;
    }

    private void awaitReady() throws IOException {
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (!(dataNodes.stream().allMatch(DataNode::isDatanodeFullyStarted) && liveDataNodes() >= dataNodes.size()
                && !nameNode.isInSafeMode())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IOException((dataNodes.size() == 1 ? "the DataNode" : "the DataNodes") + " did not register with the NameNode within "
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
        for (DataNode dataNode : dataNodes) {
            dataNode.shutdown();
        }
        dataNodes.clear();
        if (nameNode != null) {
            nameNode.stop();
            nameNode.join();
            nameNode = null;
        }
    }
}
