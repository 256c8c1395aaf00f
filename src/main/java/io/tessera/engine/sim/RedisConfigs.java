package io.tessera.engine.sim;

import io.tessera.engine.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * redis.conf of a primary or replica and sentinel.conf of a Sentinel, owner-only (they hold the password). Every server
 * and Sentinel asks for the same password, and the Sentinels use it with the servers and with each other.
 */
public final class RedisConfigs {
    private RedisConfigs() {}

    /** A primary ({@code primaryOf} null) or a replica of {@code primaryOf} (host:port). */
    public static Path server(Path dir, String address, int port, String password, String primaryOf) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        List<String> lines = new ArrayList<>(List.of(
                "bind " + address,
                "port " + port,
                "daemonize no",
                "dir " + quoted(dir.resolve("data")),
                "appendonly yes",
                "appendfsync everysec",
                "requirepass " + quoted(password),
                // a primary that comes back as a replica after a failover must authenticate to the new primary
                "masterauth " + quoted(password)));
        if (primaryOf != null) {
            lines.add("replicaof " + primaryOf.replace(':', ' '));
        }
        return write(dir.resolve("redis.conf"), lines);
    }

    /** A Sentinel watching {@code primary} (host:port) under {@code masterName}, agreeing on failure with {@code quorum} others. */
    public static Path sentinel(Path dir, String address, int port, String password, String masterName, String primary, int quorum,
                                int downAfterMillis) throws IOException {
        Files.createDirectories(dir);
        List<String> lines = List.of(
                "bind " + address,
                "port " + port,
                "daemonize no",
                "dir " + quoted(dir),
                "requirepass " + quoted(password),
                "sentinel sentinel-pass " + quoted(password),
                "sentinel monitor " + masterName + " " + primary.replace(':', ' ') + " " + quorum,
                "sentinel auth-pass " + masterName + " " + quoted(password),
                "sentinel down-after-milliseconds " + masterName + " " + downAfterMillis,
                "sentinel failover-timeout " + masterName + " 10000",
                "sentinel parallel-syncs " + masterName + " 1");
        // Sentinel rewrites its file as it learns the replicas and the other Sentinels
        return write(dir.resolve("sentinel.conf"), lines);
    }

    private static Path write(Path file, List<String> lines) throws IOException {
        OwnerOnlyFiles.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static String quoted(Object value) {
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
