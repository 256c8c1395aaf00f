package io.tessera.engine.cluster;

import java.nio.file.Path;

/**
 * How the embedded cluster runs: where its data lives and on which loopback ports.
 * A port of 0 means "any free port", chosen anew at every start.
 */
public record LocalClusterSettings(Path dataDir, int hdfsPort, int zooKeeperPort, int redisPort) {

    public LocalClusterSettings {
        checkPort("HDFS", hdfsPort);
        checkPort("ZooKeeper", zooKeeperPort);
        checkPort("Redis", redisPort);
    }

    public static LocalClusterSettings freePorts(Path dataDir) {
        return new LocalClusterSettings(dataDir, 0, 0, 0);
    }

    private static void checkPort(String service, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(service + " port must be 0 (any free port) or 1-65535, not " + port);
        }
    }
}
