package io.tessera.engine.sim;

import io.tessera.engine.sim.SimHost.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sim's folder: {@code sim.json} (the state), {@code hosts} (the names every sim JVM resolves, given to it as
 * {@code jdk.net.hosts.file}), {@code client-conf/} (the profile's Hadoop configuration folder), {@code hosts.d/<host>/}
 * (each host's configuration and data) and {@code logs/} (each host's output, and the JVM's own log in {@code logs/<host>/}).
 */
record SimFiles(Path dir) {

    Path hostsFile() {
        return dir.resolve("hosts");
    }

    Path clientConf() {
        return dir.resolve("client-conf");
    }

    Path hostsRoot() {
        return dir.resolve("hosts.d");
    }

    Path hostDir(SimHost host) {
        return hostsRoot().resolve(host.name());
    }

    Path logs() {
        return dir.resolve("logs");
    }

    Path log(SimHost host) {
        return logs().resolve(host.name() + ".log");
    }

    Path binDir() {
        return dir.resolve("bin");
    }

    /** Writes every host's configuration for a fresh sim (data of a previous one is gone by then). */
    void writeAll(SimLayout layout, String redisPassword) throws IOException {
        List<String> names = new ArrayList<>(List.of("127.0.0.1 localhost", "::1 localhost"));
        layout.hosts().forEach(h -> names.add(h.address() + " " + h.hostName()));
        Files.createDirectories(dir);
        Files.write(hostsFile(), names);
        HdfsSiteFiles.writeClient(layout, clientConf());
        SimHost primary = layout.hosts(Role.REDIS_PRIMARY).getFirst();
        String primaryAddress = primary.address() + ":" + SimLayout.REDIS_PORT;
        for (SimHost host : layout.hosts()) {
            Path hostDir = Files.createDirectories(hostDir(host));
            switch (host.role()) {
                case NAMENODE, DATANODE -> HdfsSiteFiles.writeDaemon(layout, host, hostDir);
                case ZOOKEEPER -> ZooKeeperConfigs.write(layout, host, hostDir);
                case REDIS_PRIMARY -> RedisConfigs.server(hostDir, host.address(), SimLayout.REDIS_PORT, redisPassword, null);
                case REDIS_REPLICA -> RedisConfigs.server(hostDir, host.address(), SimLayout.REDIS_PORT, redisPassword, primaryAddress);
                case SENTINEL -> RedisConfigs.sentinel(hostDir, host.address(), SimLayout.SENTINEL_PORT, redisPassword,
                        SimLayout.REDIS_MASTER_NAME, primaryAddress, 2, 3000);
                case WORKER -> { }
            }
        }
    }

    /** Removes what a sim's hosts stored (block files, snapshots, append-only files); keeps the logs. */
    void removeData() throws IOException {
        if (!Files.exists(hostsRoot())) {
            return;
        }
        try (var walk = Files.walk(hostsRoot())) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Before a fresh sim: the previous one's data and logs go. */
    void clearPrevious() throws IOException {
        removeData();
        for (Path old : List.of(logs(), clientConf())) {
            if (Files.exists(old)) {
                try (var walk = Files.walk(old)) {
                    for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }
}
