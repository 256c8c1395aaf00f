package io.tessera.engine.cluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

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

    /**
     * Reads {@code local-cluster.properties} (keys {@code hdfs.port}, {@code zookeeper.port}, {@code redis.port});
     * a missing file or key means a free port. The data folder is not a setting: the Local profile finds the
     * cluster in {@code dataDir} (move everything with TESSERA_HOME instead).
     *
     * @throws IllegalArgumentException with a readable reason when a value is not usable
     */
    public static LocalClusterSettings load(Path file, Path dataDir) throws IOException {
        if (!Files.exists(file)) {
            return freePorts(dataDir);
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        }
        return new LocalClusterSettings(dataDir,
                port(props, "hdfs.port", file), port(props, "zookeeper.port", file), port(props, "redis.port", file));
    }

    private static int port(Properties props, String key, Path file) {
        String value = props.getProperty(key, "0").strip();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file.getFileName() + ": " + key + " must be a port number (0 for any free port), not '" + value + "'");
        }
    }

    private static void checkPort(String service, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(service + " port must be 0 (any free port) or 1-65535, not " + port);
        }
    }
}
