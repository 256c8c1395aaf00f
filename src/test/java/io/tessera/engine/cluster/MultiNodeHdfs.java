package io.tessera.engine.cluster;

import io.tessera.engine.connect.ConnectionTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.DFSConfigKeys;

/**
 * A real HDFS with several DataNodes for fault tests: the NameNode and some DataNodes in this JVM (an
 * {@link EmbeddedHdfs}), and others each in a JVM of its own, so that a test can kill one with SIGKILL as a
 * machine would lose it: no shutdown, sockets dropped mid-packet, heartbeats stopped. Clients get a
 * {@code hdfs-site.xml} of their own (see {@link #clientConfDir()}), as a cluster profile would.
 */
public final class MultiNodeHdfs implements AutoCloseable {
    private static final Duration READY = Duration.ofMinutes(2);
    /** How long a silent DataNode takes to be stale here, for the NameNode and for clients (see {@link #writeClientConfiguration}). */
    public static final long STALE_MILLIS = 10_000;
    private static final String STALE_INTERVAL = DFSConfigKeys.DFS_NAMENODE_STALE_DATANODE_INTERVAL_KEY;

    private final Path dir;
    private final EmbeddedHdfs hdfs;
    private final List<Process> processes = new ArrayList<>();
    private int inProcess;

    private MultiNodeHdfs(Path dir, EmbeddedHdfs hdfs) {
        this.dir = dir;
        this.hdfs = hdfs;
    }

    /**
     * Starts {@code inProcess} DataNodes here and {@code separate} in JVMs of their own, and returns once the
     * NameNode counts them all alive. Clients write {@code inProcess + separate} replicas (at most 3).
     */
    public static MultiNodeHdfs start(Path dir, int inProcess, int separate) throws Exception {
        MultiNodeHdfs cluster = new MultiNodeHdfs(dir, new EmbeddedHdfs(dir.resolve("hdfs"), 0, inProcess,
                Map.of(STALE_INTERVAL, Long.toString(STALE_MILLIS))));
        try {
            cluster.hdfs.start();
            cluster.inProcess = inProcess;
            for (int i = 0; i < separate; i++) {
                cluster.processes.add(cluster.startDataNodeProcess(inProcess + i));
            }
            cluster.writeClientConfiguration(Math.min(3, inProcess + separate));
            cluster.awaitLiveDataNodes(inProcess + separate, READY);
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private Process startDataNodeProcess(int index) throws IOException {
        Path conf = dir.resolve("datanode-" + (index + 1) + "-site.xml");
        try (OutputStream out = Files.newOutputStream(conf)) {
            hdfs.dataNodeConfiguration(index).writeXml(out);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx256m", "--sun-misc-unsafe-memory-access=allow",
                "-Dtessera.log.dir=" + dir.resolve("logs"), "-cp", System.getProperty("java.class.path"),
                "org.apache.hadoop.hdfs.server.datanode.DataNode", "-conf", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("datanode-" + (index + 1) + ".out").toFile()).start();
    }

    /**
     * What a cluster profile's Hadoop configuration folder would hold for clients: as many replicas as there are
     * DataNodes (up to 3), and the NameNode's stale interval (10 s, a third of the default: fault tests need not wait
     * 30 s for a killed DataNode to be stale), as the cluster's hdfs-site.xml would. Hadoop's default
     * replace-datanode-on-failure policy lets a pipeline of 3 that lost one DataNode go on with 2 (it asks for a
     * replacement only when half or fewer are left, or after an hflush, which Tessera never does), so a 3-node
     * cluster needs no special setting.
     */
    private void writeClientConfiguration(int replicas) throws IOException {
        Configuration conf = new Configuration(false);
        conf.setInt("dfs.replication", replicas);
        conf.setLong(STALE_INTERVAL, STALE_MILLIS);
        Files.createDirectories(clientConfDir());
        try (OutputStream out = Files.newOutputStream(clientConfDir().resolve("hdfs-site.xml"))) {
            conf.writeXml(out);
        }
    }

    public Path clientConfDir() {
        return dir.resolve("client-conf");
    }

    public String uri() {
        return hdfs.uri();
    }

    /** {@code cluster}'s ZooKeeper and Redis with this HDFS (and its client settings) instead of its own. */
    public ConnectionTarget besides(ConnectionTarget cluster) {
        return new ConnectionTarget(cluster.profileName() + "+multi-node-hdfs", uri(), clientConfDir().toString(), null,
                cluster.zooKeeperConnect(), cluster.zooKeeperChroot(), cluster.zooKeeperDigestUser(), cluster.zooKeeperDigestPassword(),
                cluster.redisUri(), cluster.redisUser(), cluster.redisPassword(), cluster.redisTls());
    }

    private void awaitLiveDataNodes(int count, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (hdfs.liveDataNodes() < count) {
            for (Process process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("a DataNode JVM exited with " + process.exitValue() + "; see " + dir);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + hdfs.liveDataNodes() + " of " + count + " DataNodes registered within " + patience);
            }
            Thread.sleep(100);
        }
    }

    /** SIGKILLs the {@code i}-th DataNode JVM and waits until the process is gone. */
    public void killDataNodeProcess(int i) throws InterruptedException {
        Process victim = processes.get(i);
        victim.destroyForcibly();
        if (!victim.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the DataNode JVM did not die of SIGKILL within 30 s");
        }
    }

    /** Starts the {@code i}-th separate DataNode again (after a kill), with its own blocks; returns once it is alive again. */
    public void restartDataNodeProcess(int i) throws Exception {
        if (processes.get(i).isAlive()) {
            throw new IllegalStateException("DataNode process " + i + " is still running");
        }
        processes.set(i, startDataNodeProcess(inProcess + i));
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
        hdfs.close();
    }
}
