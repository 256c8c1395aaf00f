package io.tessera.engine.cluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * How the embedded cluster runs: where its data lives, on which loopback ports, and whether secured ({@code secure}:
 * Redis and ZooKeeper over TLS only, with client certificates required; see {@link LocalCertificates}).
 * A port of 0 means "any free port", chosen anew at every start.
 */
public record LocalClusterSettings(Path dataDir, int hdfsPort, int zooKeeperPort, int redisPort, boolean secure) {

    /** Not secured. */
    public LocalClusterSettings(Path dataDir, int hdfsPort, int zooKeeperPort, int redisPort) {
        this(dataDir, hdfsPort, zooKeeperPort, redisPort, false);
    }

    public LocalClusterSettings withSecure(boolean on) {
        return new LocalClusterSettings(dataDir, hdfsPort, zooKeeperPort, redisPort, on);
    }

    public LocalClusterSettings {
        checkPort("HDFS", hdfsPort);
        checkPort("ZooKeeper", zooKeeperPort);
        checkPort("Redis", redisPort);
    }

    public static LocalClusterSettings freePorts(Path dataDir) {
        return new LocalClusterSettings(dataDir, 0, 0, 0);
    }

    /**
     * Reads {@code local-cluster.properties} (keys {@code hdfs.port}, {@code zookeeper.port}, {@code redis.port};
     * {@code secure=true} starts it secured); a missing file or key means a free port, not secured. The data folder is not a setting: the Local profile finds the
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
                port(props, "hdfs.port", file), port(props, "zookeeper.port", file), port(props, "redis.port", file),
                Boolean.parseBoolean(props.getProperty("secure", "false").strip()));
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
